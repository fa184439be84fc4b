/** Hover: what a field is for and what it accepts; what a value or a redaction marker means. */
import * as l10n from '@vscode/l10n';
import type { Hover, Position, Range } from 'vscode-languageserver-types';
import { markerTokens } from '../grammar';
import { fieldHead, fieldValue, valueRange, valueSubRange, type Field, type ParsedDocument } from '../parser';
import { directed, localised } from '../l10n';
import { fold } from '../schema/compile';
import type { FieldSpec, Schema } from '../schema/model';
import { fieldDocumentation } from './field-docs';
import { escapeMarkdown, positionIn, specFor } from './shared';

export interface HoverOptions {
  markdown: boolean;
}

export function hover(document: ParsedDocument, schema: Schema, position: Position, options: HoverOptions = { markdown: true }): Hover | null {
  const line = document.lines[position.line];
  if (line === undefined) return null;
  const marker = markerHover(schema, line, position, options);
  if (marker) return marker;

  const field = document.fields.find((f) => f.line <= position.line && position.line <= f.endLine);
  if (!field) return null;
  const head = fieldHead(field);
  if (position.line === field.line && position.character < head.colonEnd) {
    const range: Range = { start: { line: field.line, character: head.start }, end: { line: field.line, character: head.colonEnd } };
    const spec = specFor(schema, field.key);
    if (!spec) return content(l10n.t('{0} is not a field of this fragment format.', `"${field.key}"`), range, options);
    return content(fieldDocumentation(spec, options), range, options);
  }
  if (!positionIn(valueRange(field), position)) return null;
  const spec = specFor(schema, field.key);
  return spec ? valueHover(spec, field, position, options) : null;
}

function content(value: string, range: Range, options: HoverOptions): Hover {
  return { contents: { kind: options.markdown ? 'markdown' : 'plaintext', value: directed(value) }, range };
}

function markerHover(schema: Schema, line: string, position: Position, options: HoverOptions): Hover | null {
  if (line.indexOf('<') < 0) return null;
  for (const [start, end] of markerTokens(line)) {
    if (position.character < start || position.character > end) continue;
    const token = line.slice(start, end);
    const marker = schema.markers.find((m) => m.text === token);
    if (!marker) return null; // the unknown-marker diagnostic explains it
    const title = l10n.t('{0} — redaction marker', options.markdown ? `**${escapeMarkdown(marker.text)}**` : marker.text);
    const description = localised(marker.description);
    const text = description ? `${title}\n\n${options.markdown ? escapeMarkdown(description) : description}` : title;
    return content(text, { start: { line: position.line, character: start }, end: { line: position.line, character: end } }, options);
  }
  return null;
}

/** The meaning of the value (or, in a multi-choice field, of the item) under the cursor, where the schema gives one. */
function valueHover(spec: FieldSpec, field: Field, position: Position, options: HoverOptions): Hover | null {
  const items = spec.kind === 'multi' ? splitItems(field, spec.separator) : [{ text: fieldValue(field), range: valueRange(field) }];
  for (const item of items) {
    if (!positionIn(item.range, position)) continue;
    const entry = spec.valueIndex.get(item.text) ?? spec.valueIndexFolded.get(fold(item.text));
    const description = localised(entry?.description);
    if (!entry || !description) return null;
    const title = options.markdown ? `\`${entry.value.replace(/`/g, "'")}\`` : entry.value;
    const body = options.markdown ? escapeMarkdown(description) : description;
    return content(`${title} — ${body}\n\n(${options.markdown ? escapeMarkdown(spec.key) : spec.key})`, item.range, options);
  }
  return null;
}

function splitItems(field: Field, separator: string): { text: string; range: Range }[] {
  const items: { text: string; range: Range }[] = [];
  let offset = 0;
  for (const raw of fieldValue(field).split(separator)) {
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    const start = offset + lead;
    offset += raw.length + separator.length;
    if (text) items.push({ text, range: valueSubRange(field, start, start + text.length) });
  }
  return items;
}
