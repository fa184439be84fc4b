/**
 * Infers a schema from a team's own records: every key seen becomes a field, and list fields list every distinct
 * value seen, with how often as the description. A starting point the team then edits.
 */
import { parseWithSchema } from '../validate';
import { DEFAULT_SCHEMA_DATA, fold, getDefaultSchema } from './compile';
import type { FieldData, FieldKind, MarkerData, Presence, SchemaData, ValueData } from './model';
import { fieldValue } from '../parser';

export interface InputFile {
  path: string;
  text: string;
}

/** A key with more distinct values than this is free text, not a list. */
const MAX_LIST_VALUES = 1000;
/** Values longer than this, or with more words, are sentences: such a key is free text. */
const MAX_LIST_VALUE_LENGTH = 80;
const MAX_LIST_VALUE_WORDS = 12;
const MARKER = /<[A-Za-z][A-Za-z0-9_-]{0,40}>/g;

interface KeyStats {
  spellings: Map<string, number>;
  /** Records holding the key with a non-empty value. */
  filled: number;
  /** Value (or multi-choice item) -> how many records give it. */
  values: Map<string, number>;
  longest: number;
  mostWords: number;
}

export function inferSchema(files: readonly InputFile[]): SchemaData {
  const defaults = getDefaultSchema();
  const stats = new Map<string, KeyStats>();
  const markers = new Map<string, number>();
  let records = 0;
  let filesWithRecords = 0;

  for (const file of files) {
    const document = parseWithSchema(file.text, defaults);
    if (document.records.length > 0) filesWithRecords++;
    for (const record of document.records) {
      if (record.fields.length === 0) continue;
      records++;
      const seenInRecord = new Set<string>();
      for (const field of record.fields) {
        const name = fold(field.key);
        if (name === '' || seenInRecord.has(name)) continue;
        seenInRecord.add(name);
        let entry = stats.get(name);
        if (!entry) stats.set(name, (entry = { spellings: new Map(), filled: 0, values: new Map(), longest: 0, mostWords: 0 }));
        entry.spellings.set(field.key, (entry.spellings.get(field.key) ?? 0) + 1);
        const value = fieldValue(field);
        if (value === '') continue;
        entry.filled++;
        const spec = defaults.byFoldedName.get(name);
        const items = spec?.kind === 'multi' ? value.split(spec.separator).map((v) => v.trim()).filter(Boolean) : [value];
        for (const item of new Set(items)) {
          if (entry.values.size <= MAX_LIST_VALUES || entry.values.has(item)) entry.values.set(item, (entry.values.get(item) ?? 0) + 1);
          entry.longest = Math.max(entry.longest, item.length);
          entry.mostWords = Math.max(entry.mostWords, item.split(/\s+/).length);
        }
        for (const marker of value.match(MARKER) ?? []) markers.set(marker, (markers.get(marker) ?? 0) + 1);
      }
    }
  }

  const fields = [...stats.entries()].map(([name, entry]) => inferField(name, entry, records));
  const recordStart = fields.some((f) => fold(f.key) === fold(defaults.recordStart) || (f.aliases ?? []).some((a) => fold(a) === fold(defaults.recordStart)))
    ? defaults.recordStart
    : fields[0]?.key;
  const schema: SchemaData = {
    description: `Inferred from ${plural(records, 'record')} in ${plural(filesWithRecords, 'file')}. Edit it to suit your team: value lists hold every value seen, with how often.`,
    ...(recordStart !== undefined ? { recordStart } : {}),
    markers: inferMarkers(markers),
    fields,
  };
  return schema;
}

function inferField(name: string, entry: KeyStats, records: number): FieldData {
  const known = DEFAULT_SCHEMA_DATA.fields.find((f) => [f.key, ...(f.aliases ?? [])].some((n) => fold(n) === name));
  const key = known?.key ?? mostCommon(entry.spellings).trim();
  // Filled in every record: required. Otherwise optional, so that the schema accepts the records it came from.
  const presence: Presence = entry.filled === records ? 'required' : 'optional';
  const field: FieldData = { key, ...(known?.aliases ? { aliases: known.aliases } : {}), presence, kind: 'text' };
  if (known?.description) field.description = known.description;
  const kind = inferKind(known, entry);
  field.kind = kind;
  if (kind !== 'text') {
    // The built-in field's checks that a value list does not replace: its shape, its year range, the country names.
    for (const property of ['pattern', 'patternDescription', 'example', 'minYear', 'valueSet'] as const) {
      if (known?.[property] !== undefined) (field as unknown as Record<string, unknown>)[property] = known[property];
    }
  }
  if (kind === 'multi') field.separator = known?.separator ?? ',';
  if (kind === 'closed' || kind === 'open' || kind === 'multi') field.values = listOf(entry.values, kind === 'multi');
  return field;
}

function inferKind(known: FieldData | undefined, entry: KeyStats): FieldKind {
  const list = entry.values.size > 0 && entry.values.size <= MAX_LIST_VALUES;
  if (known?.kind === 'year' || known?.kind === 'pattern') return known.kind;
  if (known?.kind === 'flag') return [...entry.values.keys()].every((v) => v === 'YES' || v === 'NO') ? 'flag' : 'closed';
  if (known?.kind === 'closed' || known?.kind === 'open' || known?.kind === 'multi') return list ? known.kind : 'text';
  if (known) return 'text';
  const short = entry.longest <= MAX_LIST_VALUE_LENGTH && entry.mostWords <= MAX_LIST_VALUE_WORDS;
  return list && short ? 'open' : 'text';
}

/** Most frequent first, then alphabetical; the count is the description. */
function listOf(values: Map<string, number>, choices: boolean): ValueData[] {
  return [...values.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([value, count]) => ({ value, description: `${choices ? 'Chosen' : 'Seen'} in ${plural(count, 'record')}.` }));
}

/** The built-in markers, plus any other <marker> the records use. */
function inferMarkers(seen: Map<string, number>): (string | MarkerData)[] {
  const builtIn = DEFAULT_SCHEMA_DATA.markers ?? [];
  const texts = new Set(builtIn.map((m) => (typeof m === 'string' ? m : m.text)));
  const extra = [...seen.entries()]
    .filter(([text]) => !texts.has(text))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([text, count]) => ({ text, description: `Seen ${plural(count, 'time')}.` }));
  return [...builtIn, ...extra];
}

function mostCommon(counts: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [text, count] of counts) if (count > bestCount) [best, bestCount] = [text, count];
  return best;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
