/**
 * Infers a team schema from a folder of the team's own records. The result EXTENDS the built-in schema: every built-in
 * field, value, alias, presence and check stays. It adds only what the records use that the built-in schema has no
 * opinion against: values outside an open list that are not near misses of a known value, keys the built-in schema
 * does not know and that are not near misses of its keys (as optional fields), and markers that are not near misses
 * of the known ones. Whatever the built-in schema rejects (a value outside a closed list, other capitals, a mistyped
 * key or marker, an almost-field) is never learned: it is listed as a *suspect*, with where it was seen, for the
 * person to decide. Used by the CLI (`--init-schema`) and the editor command alike.
 */
import { quote, type FragmentDiagnostic } from '../diagnostic';
import type { DiagnosticCode } from '../diagnostic-codes';
import { isMarkerToken } from '../grammar';
import { fieldValue, type Field, type ParsedDocument } from '../parser';
import { parseWithSchema, validateParsed } from '../validate';
import { fold, getDefaultSchema } from './compile';
import type { FieldData, MarkerData, SchemaData, ValueData } from './model';
import { jsonText } from './write';

export interface InputFile {
  /** How the file is named in the report: relative to the folder inferred from. */
  path: string;
  text: string;
}

export interface InferOptions {
  /** "Now", for the Year check; tests pin it. */
  now?: Date;
}

export interface SuspectPlace {
  path: string;
  /** 1-based, as people count lines. */
  line: number;
}

/** Something the records hold that the built-in schema rejects, so it is not learned. */
export interface Suspect {
  /** Why: the problem code the built-in schema (or, for other capitals of a learned word, the new schema) gives. */
  code: DiagnosticCode;
  /** The field it was seen in (its schema key), when it is a value. */
  field?: string;
  /** As written in the records: a value, a key, a marker or a line. */
  text: string;
  /** In plain words, what is wrong with it. */
  reason: string;
  /** How many times it was seen. */
  count: number;
  /** Where it was seen: the first few places. */
  places: SuspectPlace[];
}

export interface InferredSchemaResult {
  /** The schema as data: `extends: "default"` with only the additions. */
  data: SchemaData;
  /** The schema file to save: `data` as JSON with comments, the suspects listed at its end. */
  text: string;
  suspects: Suspect[];
  /** Records (with at least one field) and files holding such records that were read. */
  records: number;
  filesWithRecords: number;
}

/** A key with more distinct values than this is free text, not a list. */
const MAX_LIST_VALUES = 1000;
/** Values longer than this, or with more words, are sentences: such a key is free text. */
const MAX_LIST_VALUE_LENGTH = 80;
const MAX_LIST_VALUE_WORDS = 12;
/** Places kept per suspect, and suspects written in the file: enough to find them, not a copy of the export. */
const MAX_PLACES = 5;
const MAX_SUSPECTS_WRITTEN = 200;

/** Problems of the built-in check that mean "the built-in schema rejects this"; the others say nothing about values. */
const REJECTING = new Set<DiagnosticCode>(['invalid-value', 'value-case', 'unknown-value', 'unknown-field', 'unknown-marker', 'malformed-field']);

/** Problems with a value as a whole (or, in a multi-choice field, with one of its choices). */
const VALUE_CODES = new Set<DiagnosticCode>(['invalid-value', 'value-case', 'unknown-value']);

interface Seen {
  count: number;
  places: SuspectPlace[];
  /** Order of first sight, to keep the records' order where counts tie. */
  first: number;
}

type SuspectSink = (code: DiagnosticCode, field: string | undefined, text: string, reason: string, place: SuspectPlace | SuspectPlace[], times?: number) => void;

interface NewKey extends Seen {
  /** Records where it has a value. */
  filled: number;
  spellings: Map<string, Seen>;
  /** Value -> where seen; undefined once the key has too many values to be a list. */
  values: Map<string, Seen> | undefined;
  longest: number;
  mostWords: number;
}

export function inferSchema(files: readonly InputFile[], options: InferOptions = {}): InferredSchemaResult {
  const builtIn = getDefaultSchema();
  const now = options.now ?? new Date();
  let order = 0;
  let records = 0;
  let filesWithRecords = 0;
  const suspects = new Map<string, Suspect>();
  /** Built-in open-list key -> new value -> where seen. */
  const newValues = new Map<string, Map<string, Seen>>();
  const newMarkers = new Map<string, Seen>();
  const newKeys = new Map<string, NewKey>(); // by folded key

  const see = (map: Map<string, Seen>, text: string, place: SuspectPlace): Seen => {
    let seen = map.get(text);
    if (!seen) map.set(text, (seen = { count: 0, places: [], first: order++ }));
    seen.count++;
    if (seen.places.length < MAX_PLACES) seen.places.push(place);
    return seen;
  };
  const suspect: SuspectSink = (code, field, text, reason, place, times = 1) => {
    const id = `${code}\u0000${field ?? ''}\u0000${text}`;
    let entry = suspects.get(id);
    if (!entry) suspects.set(id, (entry = { code, field, text, reason, count: 0, places: [] }));
    entry.count += times;
    for (const p of Array.isArray(place) ? place : [place]) if (entry.places.length < MAX_PLACES) entry.places.push(p);
  };

  for (const file of files) {
    const document = parseWithSchema(file.text, builtIn);
    const filled = document.records.filter((r) => r.fields.length > 0).length;
    if (filled === 0) continue; // an unstructured story teaches nothing about fields
    records += filled;
    filesWithRecords++;
    const fieldAt = fieldsByLine(document);
    const suspectKeyLines = new Set<number>();
    const diagnostics = validateParsed(document, { schema: builtIn, now, maxDiagnostics: Number.MAX_SAFE_INTEGER });
    for (const diagnostic of diagnostics) {
      if (!REJECTING.has(diagnostic.code)) continue;
      const place = { path: file.path, line: diagnostic.range.start.line + 1 };
      const text = textOf(document, diagnostic);
      const field = fieldAt(diagnostic.range.start.line);
      const spec = field ? builtIn.byFoldedName.get(fold(field.key)) : undefined;
      const suggestions = diagnostic.data.fix === 'replace' || diagnostic.data.fix === 'rename-key' ? diagnostic.data.suggestions : [];
      // A value that is only a marker token (`<Region>`) is also an unknown-marker problem, decided as a marker
      // below: once a marker is known, a value that is only that marker counts as given (see checkValue).
      if (VALUE_CODES.has(diagnostic.code) && isMarkerToken(text)) continue;
      switch (diagnostic.code) {
        case 'unknown-value':
          // Outside an open list: a near miss of a known value is a typo; anything else is the team's own value.
          if (suggestions.length === 0 && spec) see(mapIn(newValues, spec.key), text, place);
          else suspect(diagnostic.code, spec?.key, text, diagnostic.message, place);
          break;
        case 'unknown-marker':
          if (suggestions.length === 0) see(newMarkers, text, place);
          else suspect(diagnostic.code, undefined, text, diagnostic.message, place);
          break;
        case 'unknown-field':
          // A key the built-in schema does not know and that is not close to one of its keys is learned below;
          // a near miss, other capitals, or no key at all (`** **:`) is a suspect.
          if (suggestions.length === 0 && field !== undefined && field.key !== '') break;
          suspectKeyLines.add(diagnostic.range.start.line);
          suspect(diagnostic.code, undefined, text, diagnostic.message, place);
          break;
        default: // invalid-value, value-case, malformed-field
          suspect(diagnostic.code, diagnostic.code === 'malformed-field' ? undefined : spec?.key, text, diagnostic.message, place);
      }
    }
    for (const record of document.records) {
      const inRecord = new Set<string>();
      for (const field of record.fields) {
        const name = fold(field.key);
        if (name === '' || builtIn.byFoldedName.has(name) || suspectKeyLines.has(field.line) || inRecord.has(name)) continue;
        inRecord.add(name);
        learnKey(newKeys, field, { path: file.path, line: field.line + 1 }, see, () => order++);
      }
    }
  }

  const fields: FieldData[] = [];
  // Additions to built-in open lists, in the built-in order.
  for (const spec of builtIn.fields) {
    const seen = newValues.get(spec.key);
    if (!seen) continue;
    const learned = keepOneSpelling(seen, (text, kept, at) => suspect('value-case', spec.key, text, otherCapitals(text, kept), at.places, at.count));
    if (learned.length > 0) fields.push({ key: spec.key, addValues: learned.map(([value, at]) => valueEntry(value, at)) });
  }
  for (const [, entry] of sorted(newKeys)) fields.push(newField(entry, records, suspect));
  const markers = keepOneSpelling(newMarkers, (text, kept, at) => suspect('unknown-marker', undefined, text, otherCapitals(text, kept), at.places, at.count)).map(
    ([text, at]): MarkerData => ({ text, description: `Not a built-in marker; seen ${plural(at.count, 'time')}.` }),
  );

  const data: SchemaData = {
    extends: 'default',
    description: `The built-in fragment format, with what ${plural(records, 'record')} in ${plural(filesWithRecords, 'file')} add to it.`,
    ...(markers.length > 0 ? { markers } : {}),
    fields,
  };
  const list = [...suspects.values()].sort((a, b) => b.count - a.count || (a.field ?? '').localeCompare(b.field ?? '') || a.text.localeCompare(b.text));
  return { data, text: schemaFileText(data, list, records, filesWithRecords), suspects: list, records, filesWithRecords };
}

/** The field a line belongs to (its key line or a continuation line), if any. */
function fieldsByLine(document: ParsedDocument): (line: number) => Field | undefined {
  const byLine: (Field | undefined)[] = [];
  for (const field of document.fields) for (let line = field.line; line <= field.endLine; line++) byLine[line] = field;
  return (line) => byLine[line];
}

/** The text a diagnostic points at, on one line. */
function textOf(document: ParsedDocument, diagnostic: FragmentDiagnostic): string {
  const { start, end } = diagnostic.range;
  if (start.line === end.line) return document.lines[start.line]?.slice(start.character, end.character) ?? '';
  const lines = document.lines.slice(start.line, end.line + 1);
  lines[lines.length - 1] = lines[lines.length - 1].slice(0, end.character);
  lines[0] = lines[0].slice(start.character);
  return lines.join(' ');
}

function mapIn<T>(maps: Map<string, Map<string, T>>, key: string): Map<string, T> {
  let map = maps.get(key);
  if (!map) maps.set(key, (map = new Map()));
  return map;
}

function learnKey(
  keys: Map<string, NewKey>,
  field: Field,
  place: SuspectPlace,
  see: (map: Map<string, Seen>, text: string, place: SuspectPlace) => Seen,
  next: () => number,
): void {
  const name = fold(field.key);
  let entry = keys.get(name);
  if (!entry) keys.set(name, (entry = { count: 0, places: [], first: next(), filled: 0, spellings: new Map(), values: new Map(), longest: 0, mostWords: 0 }));
  entry.count++;
  see(entry.spellings, field.key, place);
  const value = fieldValue(field).replace(/\s+/g, ' ');
  if (value === '') return;
  entry.filled++;
  entry.longest = Math.max(entry.longest, value.length);
  entry.mostWords = Math.max(entry.mostWords, value.split(' ').length);
  if (entry.values && (entry.values.size < MAX_LIST_VALUES || entry.values.has(value))) see(entry.values, value, place);
  else entry.values = undefined;
}

/**
 * Of words that differ only in capitals or spacing, the one the records use most is learned; the others would be
 * problems under the new schema, so they are suspects. Returns the learned ones, most used first.
 */
function keepOneSpelling(seen: Map<string, Seen>, onOther: (text: string, kept: string, at: Seen) => void): [string, Seen][] {
  const kept = new Map<string, string>(); // folded -> the spelling learned
  const learned: [string, Seen][] = [];
  for (const [text, at] of sorted(seen)) {
    const same = kept.get(fold(text));
    if (same !== undefined) onOther(text, same, at);
    else {
      kept.set(fold(text), text);
      learned.push([text, at]);
    }
  }
  return learned;
}

/** A key the built-in schema does not know: optional, an open list when its values are short, else text. */
function newField(entry: NewKey, records: number, suspect: SuspectSink): FieldData {
  const [[key]] = keepOneSpelling(entry.spellings, (text, kept, at) => suspect('unknown-field', undefined, text, otherCapitals(text, kept), at.places, at.count));
  const description = `Not in the built-in format; filled in ${entry.filled} of ${plural(records, 'record')}.`;
  const isList = entry.values !== undefined && entry.values.size > 0 && entry.longest <= MAX_LIST_VALUE_LENGTH && entry.mostWords <= MAX_LIST_VALUE_WORDS;
  if (!isList) return { key, description, presence: 'optional', kind: 'text' };
  const values = keepOneSpelling(entry.values!, (text, kept, at) => suspect('value-case', key, text, otherCapitals(text, kept), at.places, at.count));
  return { key, description, presence: 'optional', kind: 'open', values: values.map(([value, at]) => valueEntry(value, at)) };
}

function valueEntry(value: string, at: Seen): ValueData {
  return { value, description: `Seen in ${plural(at.count, 'record')}.` };
}

function otherCapitals(text: string, kept: string): string {
  return `${quote(text)} is ${quote(kept)} with other capitals or spacing; only ${quote(kept)}, the more used, is added.`;
}

/** Most seen first, then in the order first seen. */
function sorted<T extends Seen>(map: Map<string, T>): [string, T][] {
  return [...map.entries()].sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first);
}

/** The schema file: a short explanation, the additions, and the suspects as comments for the person to decide. */
function schemaFileText(data: SchemaData, suspects: readonly Suspect[], records: number, files: number): string {
  const lines = [
    `// Inferred from ${plural(records, 'record')} in ${plural(files, 'fragment file')}.`,
    '// It extends the built-in schema: every built-in field, value and check stays.',
    '// Below is only what your records add to it (new fields are optional).',
    '// Values the built-in schema does not accept are NOT added: they are listed at the end',
    '// as suspects, for you to decide. Nothing here applies until this file is saved.',
    '{',
  ];
  const entries = Object.entries(data).filter(([, value]) => value !== undefined);
  entries.forEach(([name, value], at) => lines.push(`  ${JSON.stringify(name)}: ${jsonText(value, '  ')}${at < entries.length - 1 ? ',' : ''}`));
  lines.push(...suspectComments(suspects), '}');
  return `${lines.join('\n')}\n`;
}

function suspectComments(suspects: readonly Suspect[]): string[] {
  if (suspects.length === 0) return [];
  const lines = [
    '',
    `  // ${plural(suspects.length, 'suspect')}: the built-in schema does not accept these, so they are not`,
    '  // added above and stay underlined. Correct them in the records (the quick fixes help),',
    '  // or, if one is right for your team, add it yourself (for a closed list, in the',
    '  // field\'s "values"; for a marker, in "markers").',
  ];
  for (const s of suspects.slice(0, MAX_SUSPECTS_WRITTEN)) {
    const where = s.places.map((p) => `${p.path}:${p.line}`).join(', ') + (s.count > s.places.length ? ', …' : '');
    lines.push(`  // - ${quote(s.text)}${s.field ? ` in ${s.field}` : ''}, ${plural(s.count, 'time')} (${where}):`, `  //   ${s.reason}`);
  }
  if (suspects.length > MAX_SUSPECTS_WRITTEN) lines.push(`  // … and ${suspects.length - MAX_SUSPECTS_WRITTEN} more.`);
  return lines.map(oneLine);
}

/** A comment line must stay one line whatever the records hold. */
function oneLine(line: string): string {
  return line.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
