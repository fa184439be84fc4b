/**
 * Redaction: refactors that replace the selected words of a value with a redaction marker, and the quick fixes of
 * the confidentiality rules, which redact what they found.
 */
import * as l10n from '@vscode/l10n';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import { quote } from '../diagnostic';
import { directed } from '../l10n';
import { fieldValue, valueRange, valueSubRange, type FragmentRecord, type ParsedDocument } from '../parser';
import type { Schema } from '../schema/model';
import { comparePositions, recordAtLine, specFor, textIn } from './shared';
import type { Fix, FixContext } from './fixes/fix';

export const REDACT_KIND = 'refactor.rewrite';

/** Fields whose value is a fixed choice or a year: a marker there would only make the value invalid. */
const NOT_REDACTABLE = new Set(['closed', 'flag', 'year']);

export function redactionActions(document: ParsedDocument, schema: Schema, uri: string, selection: Range): CodeAction[] {
  if (comparePositions(selection.start, selection.end) >= 0) return [];
  const field = document.fields.find(
    (f) => {
      const range = valueRange(f);
      return comparePositions(range.start, selection.start) <= 0 && comparePositions(selection.end, range.end) <= 0;
    },
  );
  if (!field) return [];
  const spec = specFor(schema, field.key);
  if (spec && NOT_REDACTABLE.has(spec.kind)) return [];
  const selected = textIn(document, selection);
  if (selected.trim() === '' || schema.markers.some((m) => m.text === selected)) return [];
  return schema.markers.map((marker) => ({
    title: directed(l10n.t('Redact as {0}', marker.text)),
    kind: REDACT_KIND,
    edit: { changes: { [uri]: [{ range: selection, newText: marker.text }] } },
  }));
}

/** What a marker stands for, read from its text: `<person>`, `<LOC>`, `<redacted>` in the built-in schema. */
const MARKER_MEANINGS = { person: /person|name|people/i, place: /loc|place/i, any: /redact/i } as const;

/**
 * The schema's marker for a person, a place or anything: the first whose text says so, else the generic one, else
 * the first marker. Undefined only when the schema has no markers at all.
 */
export function markerFor(schema: Schema, meaning: keyof typeof MARKER_MEANINGS): string | undefined {
  const { markers } = schema;
  return (markers.find((m) => MARKER_MEANINGS[meaning].test(m.text)) ?? markers.find((m) => MARKER_MEANINGS.any.test(m.text)) ?? markers[0])?.text;
}

/** The markers a redaction fix offers, best first, without repeats or gaps. */
export function redactionMarkers(schema: Schema, ...meanings: (keyof typeof MARKER_MEANINGS)[]): string[] {
  return [...new Set(meanings.map((m) => markerFor(schema, m)).filter((m): m is string => m !== undefined))];
}

/**
 * The fixes of a `redact` diagnostic (pii and the confidentiality rules): "Redact "X" as <marker>" for the
 * diagnostic's range, one per marker, and, when the data names the text, "Redact every "X" in this record" with the
 * first marker. Never safe to apply unseen (fix-all leaves them alone): a person decides what to hide.
 */
export function redactFixes(context: FixContext, diagnostic: Diagnostic, data: { markers: string[]; everywhere?: string }): Fix[] {
  const { document, schema } = context;
  const written = textIn(document, diagnostic.range);
  if (written.trim() === '') return [];
  const fixes: Fix[] = data.markers.map((marker, index) => ({
    title: l10n.t('Redact {0} as {1}', quote(written, 80), marker),
    edits: [{ range: diagnostic.range, newText: marker }],
    preferred: index === 0,
    safe: false,
  }));
  const record = data.everywhere ? recordAtLine(document, diagnostic.range.start.line) : undefined;
  if (record && data.everywhere && data.markers.length > 0) {
    const ranges = clearOccurrences(record, schema, data.everywhere);
    if (ranges.length > 1) {
      fixes.push({
        title: l10n.t('Redact every {0} in this record as {1} ({2} places)', quote(data.everywhere, 80), data.markers[0], ranges.length),
        edits: ranges.map((range) => ({ range, newText: data.markers[0] })),
        safe: false,
      });
    }
  }
  return fixes;
}

/** The ranges where `text` stands as whole words in the record's redactable values (not inside a marker). */
export function clearOccurrences(record: FragmentRecord, schema: Schema, text: string): Range[] {
  const ranges: Range[] = [];
  for (const field of record.fields) {
    const spec = specFor(schema, field.key);
    if (spec && NOT_REDACTABLE.has(spec.kind)) continue;
    const value = fieldValue(field);
    for (let at = value.indexOf(text); at >= 0; at = value.indexOf(text, at + text.length)) {
      const before = value.charAt(at - 1);
      const after = value.charAt(at + text.length);
      if (WORD_CHARACTER.test(before) || WORD_CHARACTER.test(after) || before === '<' || after === '>') continue;
      ranges.push(valueSubRange(field, at, at + text.length));
    }
  }
  return ranges;
}

const WORD_CHARACTER = /[\p{L}\p{N}_]/u;
