/** Redaction refactors: replace the selected words of a value with a redaction marker. */
import type { CodeAction, Range } from 'vscode-languageserver-types';
import { valueRange, type ParsedDocument } from '../parser';
import type { Schema } from '../schema/model';
import { comparePositions, specFor, textIn } from './shared';

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
    title: `Redact as ${marker.text}`,
    kind: REDACT_KIND,
    edit: { changes: { [uri]: [{ range: selection, newText: marker.text }] } },
  }));
}
