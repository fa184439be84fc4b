/**
 * Fix all (`source.fixAll.fragments`): applies only the fixes that cannot guess wrong or lose text, and repeats until
 * none is left, since one fix can reveal another (a renamed key makes its value checkable).
 */
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { distance } from 'fastest-levenshtein';
import type { FixData, FragmentDiagnostic } from '../diagnostic';
import { FIELD_HEAD, type ParsedDocument } from '../parser';
import { fold } from '../schema/compile';
import type { Schema } from '../schema/model';
import { isClose } from '../suggest';
import { parseWithSchema, validateParsed } from '../validate';
import { applyEdits, comparePositions, fieldAtLine, fromLineStart, minimalEdit, recordAtLine, removeLines, specFor, textIn } from './shared';

/** Enough rounds for fixes that uncover others; a document that still changes after this many is left as it is. */
const MAX_ROUNDS = 8;

export interface FixAllOptions {
  schema: Schema;
  now?: Date;
}

/** The one suggestion that is a close match for what is written, when exactly one is. */
function onlyCloseCandidate(written: string, suggestions: readonly string[]): string | undefined {
  const close = suggestions.filter((s) => isClose(written, s, distance(fold(written), fold(s))));
  return close.length === 1 ? close[0] : undefined;
}

/**
 * Only letters, digits and other non-space characters, compared without case: what a line rewrite must keep. The
 * Markdown a rewrite takes away (a list bullet, `**` or `__` around the key, the colon) is not counted.
 */
function substance(text: string): string {
  return text.replace(/^\s*[-*+][ \t]+/, '').replace(/[\s*:_]/g, '').toLowerCase();
}

/**
 * Whether rewriting `line` as the field `replacement` would change how the file divides into records: a record's
 * first field written inside a record splits it, and any field written above a record that starts with its first
 * field makes a record of its own. A person decides those.
 */
function changesRecords(document: ParsedDocument, schema: Schema, line: number, replacement: string): boolean {
  const startsRecord = (key: string | undefined) => key !== undefined && specFor(schema, key)?.key === schema.recordStart;
  const first = document.fields[0];
  if (first && line < first.line) return startsRecord(first.key);
  return startsRecord(FIELD_HEAD.exec(replacement)?.[1].trim());
}

/** The safe edit for one diagnostic, or nothing when the fix would be a guess or would drop text. */
export function safeEdit(document: ParsedDocument, schema: Schema, diagnostic: Diagnostic): TextEdit | undefined {
  const data = diagnostic.data as FixData | undefined;
  if (diagnostic.source !== 'fragments' || !data) return undefined;
  const written = textIn(document, diagnostic.range);
  switch (diagnostic.code) {
    case 'value-case':
      return data.fix === 'replace' && data.suggestions.length === 1 ? { range: diagnostic.range, newText: data.suggestions[0] } : undefined;
    case 'invalid-value': {
      if (data.fix !== 'replace') return undefined;
      const field = fieldAtLine(document, diagnostic.range.start.line);
      const spec = field && specFor(schema, field.key);
      // Only a value from the field's own list; a computed suggestion (a clamped year) is a guess.
      const choice = spec && onlyCloseCandidate(written, data.suggestions.filter((s) => spec.valueIndex.has(s)));
      return choice ? { range: diagnostic.range, newText: choice } : undefined;
    }
    case 'unknown-marker': {
      if (data.fix !== 'replace') return undefined;
      const choice = onlyCloseCandidate(written, data.suggestions);
      return choice ? { range: diagnostic.range, newText: choice } : undefined;
    }
    case 'unknown-field': {
      if (data.fix !== 'rename-key') return undefined;
      const choice = onlyCloseCandidate(written, data.suggestions);
      const target = choice && schema.byName.get(choice);
      const record = recordAtLine(document, diagnostic.range.start.line);
      // Renaming onto a field the record already has would only trade this problem for a duplicate.
      const taken = record?.fields.some((f) => f.line !== diagnostic.range.start.line && specFor(schema, f.key) === target);
      return choice && !taken ? { range: diagnostic.range, newText: choice } : undefined;
    }
    case 'malformed-field':
      if (data.fix !== 'rewrite-line' || substance(data.replacement) !== substance(written)) return undefined;
      if (changesRecords(document, schema, diagnostic.range.start.line, data.replacement)) return undefined;
      return { range: fromLineStart(document, diagnostic.range), newText: data.replacement };
    case 'duplicate-field': {
      if (data.fix !== 'remove-duplicate' || !data.sameValue) return undefined;
      const repeat = fieldAtLine(document, diagnostic.range.start.line);
      return repeat && repeat.line === diagnostic.range.start.line ? removeLines(document, repeat.line, repeat.endLine) : undefined;
    }
    default:
      return undefined;
  }
}

/** The safe edits for a set of diagnostics, without overlaps (a skipped one is picked up in the next round). */
export function safeEdits(document: ParsedDocument, schema: Schema, diagnostics: readonly Diagnostic[]): TextEdit[] {
  const edits = diagnostics.flatMap((d) => safeEdit(document, schema, d) ?? []);
  edits.sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
  const kept: TextEdit[] = [];
  for (const edit of edits) {
    const previous = kept[kept.length - 1];
    if (previous && comparePositions(edit.range.start, previous.range.end) < 0) continue;
    if (previous && comparePositions(edit.range.start, previous.range.end) === 0 && comparePositions(edit.range.start, edit.range.end) === 0) continue;
    kept.push(edit);
  }
  return kept;
}

export interface FixAllResult {
  text: string;
  /** At most one edit: from the first to the last changed character. */
  edits: TextEdit[];
  /** Diagnostics left after fixing. */
  remaining: FragmentDiagnostic[];
}

export function fixAll(text: string, options: FixAllOptions): FixAllResult {
  const { schema, now } = options;
  let current = text;
  let document = parseWithSchema(current, schema);
  let diagnostics = validateParsed(document, { schema, now });
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const edits = safeEdits(document, schema, diagnostics);
    if (edits.length === 0) break;
    current = applyEdits(current, edits);
    document = parseWithSchema(current, schema);
    diagnostics = validateParsed(document, { schema, now });
  }
  const edit = minimalEdit(text, current);
  return { text: current, edits: edit ? [edit] : [], remaining: diagnostics };
}
