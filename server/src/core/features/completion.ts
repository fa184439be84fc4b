/**
 * Completion: field names at the start of a line, allowed values after `**Key**: `, redaction markers after `<`,
 * and whole-record templates in an empty file.
 */
import * as l10n from '@vscode/l10n';
import type { CompletionItem, Position, Range } from 'vscode-languageserver-types';
import { fieldLine, isMarkerTokenStart } from '../grammar';
import { fieldHead, fieldValue, type Field, type ParsedDocument } from '../parser';
import { directed, localised } from '../l10n';
import { fold } from '../schema/compile';
import type { FieldSpec, Schema } from '../schema/model';
import { templateFills, templatesOf, templateText } from '../schema/templates';
import { fieldDocumentation } from './field-docs';
import { fieldAtLine, lineEnding, recordAtLine, specFor } from './shared';

/** A field's completion detail: `required field`, `recommended field`, `optional field`. */
function presenceDetail(spec: FieldSpec): string {
  switch (spec.presence) {
    case 'required':
      return l10n.t('required field');
    case 'recommended':
      return l10n.t('recommended field');
    case 'optional':
      return l10n.t('optional field');
  }
}

// LSP constants, spelled out so the core needs no runtime import from the protocol packages.
const KIND = { Value: 12, EnumMember: 20, Field: 5, Snippet: 15, Constant: 21 } as const;
const FORMAT = { PlainText: 1, Snippet: 2 } as const;
const MARKDOWN = 'markdown';

/** VS Code's command that opens the completion list: run after a key is inserted, it shows the allowed values. */
export const TRIGGER_SUGGEST_COMMAND = 'editor.action.triggerSuggest';

export interface CompletionOptions {
  /** The client understands snippets (`$1`, `${1:text}`); without them plain text is inserted. */
  snippets: boolean;
  /**
   * The client can run TRIGGER_SUGGEST_COMMAND (it says so in its experimental `commands` capability): a key item for
   * a field with allowed values then opens their list right after the key is inserted.
   */
  suggestCommand?: boolean;
  /** The client renders Markdown documentation. */
  markdown?: boolean;
  /** "Now", for the Year suggestions. */
  now?: Date;
  /** Values used for a field (by its schema key) in other fragment files, with how many files use each. */
  workspaceValues?: (key: string) => ReadonlyMap<string, number> | undefined;
}

export function complete(document: ParsedDocument, schema: Schema, asked: Position, options: CompletionOptions): CompletionItem[] {
  // A position past the end (a client out of step) gets nothing rather than edits outside the document.
  const line = document.lines[asked.line];
  if (line === undefined) return [];
  const bomOffset = asked.line === 0 && line.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Editors hide a byte-order mark: a position before it means the start of the text.
  const character = Math.min(Math.max(bomOffset, asked.character), line.length);
  const position = { line: asked.line, character };
  const before = line.slice(bomOffset, Math.max(bomOffset, character));

  const field = document.fields.find((f) => f.line === position.line);
  if (field) {
    if (character < fieldHead(field).colonEnd) return keyRenameItems(document, schema, field, position, options);
    return valueItems(document, schema, field, position, character, options);
  }

  const items: CompletionItem[] = [];
  if (recordCanStartAt(document, position.line)) items.push(...templateItems(document, schema, position, options));

  const typingKey = /^\*{0,2}[^*:<]{0,80}$/.test(before);
  const continued = fieldAtLine(document, position.line);
  const continuedSpec = continued && continued.line < position.line ? specFor(schema, continued.key) : undefined;
  // Inside a free-text value, a plain word at the start of a line is prose, not a key: offer keys only on `*`
  // or on an empty line.
  const proseLine = continuedSpec?.kind === 'text' && !before.startsWith('*') && line.trim() !== '';
  if (typingKey && !proseLine) items.push(...keyItems(document, schema, position, bomOffset, line, options));
  items.push(...markerItems(schema, line, character, position));
  return items;
}

/**
 * True where a whole record can be inserted: `line` holds at most a typed key prefix, and what follows it is blank
 * lines up to the end or up to the start of the next record, so the new record splits no record and no value.
 */
function recordCanStartAt(document: ParsedDocument, line: number): boolean {
  if (!/^\uFEFF?\s*\**[^*:]{0,40}$/.test(document.lines[line] ?? '')) return false;
  for (let next = line + 1; next < document.lines.length; next++) {
    if (document.lines[next].trim() === '') continue;
    const field = document.fields.find((f) => f.line === next);
    return field !== undefined && document.records[field.record]?.startLine === next;
  }
  return true;
}

function rankOf(spec: FieldSpec): number {
  return spec.presence === 'required' ? 0 : spec.presence === 'recommended' ? 1 : 2;
}

function sortKey(rank: number, order: number): string {
  return `${rank}${String(order).padStart(4, '0')}`;
}

/** The specs a record does not have yet (all of them outside any record), required first, then schema order. */
function missingSpecs(document: ParsedDocument, schema: Schema, line: number, except?: Field): FieldSpec[] {
  const record = recordAtLine(document, line);
  const present = new Set((record?.fields ?? []).filter((f) => f !== except).map((f) => specFor(schema, f.key)));
  return schema.fields.filter((s) => !present.has(s));
}

/** True when completion offers values for the field (so opening the list after its key shows something). */
function hasValueList(spec: FieldSpec): boolean {
  return spec.kind === 'year' || ((spec.kind === 'closed' || spec.kind === 'flag' || spec.kind === 'open' || spec.kind === 'multi') && spec.values.length > 0);
}

function keyItems(
  document: ParsedDocument,
  schema: Schema,
  position: Position,
  bomOffset: number,
  line: string,
  options: CompletionOptions,
): CompletionItem[] {
  const start = bomOffset;
  const rest = line.slice(position.character);
  // Replace what follows the cursor too when it is only leftover `*`, `:` or spaces of the key being typed.
  const end = /^[\s*:]*$/.test(rest) ? line.length : position.character;
  const range: Range = { start: { line: position.line, character: start }, end: { line: position.line, character: end } };
  const typed = line.slice(start, position.character);
  // The key and an empty value: the person picks the value from the list that opens next (or types it); a snippet
  // choice would start on the first allowed value and write it for them.
  return missingSpecs(document, schema, position.line).map((spec) => ({
    label: spec.key,
    kind: KIND.Field,
    detail: presenceDetail(spec),
    documentation: { kind: options.markdown === false ? 'plaintext' : MARKDOWN, value: directed(fieldDocumentation(spec, { markdown: options.markdown !== false })) },
    sortText: sortKey(rankOf(spec), spec.order),
    filterText: typed.startsWith('*') ? `**${spec.key}` : spec.key,
    textEdit: { range, newText: fieldLine(spec.key) },
    insertTextFormat: FORMAT.PlainText,
    ...(options.suggestCommand && hasValueList(spec) ? { command: { title: l10n.t('Show the allowed values'), command: TRIGGER_SUGGEST_COMMAND } } : {}),
  }));
}

/** The cursor is inside `**Ke|y**:` of an existing field: offer other names for the key, keeping the value. */
function keyRenameItems(
  document: ParsedDocument,
  schema: Schema,
  field: Field,
  position: Position,
  options: CompletionOptions,
): CompletionItem[] {
  const head = fieldHead(field);
  // The key as written, spaces kept, lies between the `**` pairs.
  const keyStart = head.start + 2;
  const keyEnd = head.colonEnd - 3;
  // On the `**` around the key or on the colon there is nothing to complete: an edit must cover the cursor.
  if (position.character < keyStart || position.character > keyEnd) return [];
  const range: Range = { start: { line: position.line, character: keyStart }, end: { line: position.line, character: keyEnd } };
  return missingSpecs(document, schema, position.line, field).map((spec) => ({
    label: spec.key,
    kind: KIND.Field,
    detail: presenceDetail(spec),
    documentation: { kind: options.markdown === false ? 'plaintext' : MARKDOWN, value: directed(fieldDocumentation(spec, { markdown: options.markdown !== false })) },
    sortText: sortKey(rankOf(spec), spec.order),
    filterText: spec.key,
    textEdit: { range, newText: spec.key },
    insertTextFormat: FORMAT.PlainText,
  }));
}

interface Candidate {
  value: string;
  description?: string;
  detail?: string;
}

function valueCandidates(spec: FieldSpec, options: CompletionOptions): Candidate[] {
  if (spec.kind === 'year') {
    const year = (options.now ?? new Date()).getFullYear();
    return [
      { value: String(year), detail: l10n.t('this year') },
      { value: String(year - 1), detail: l10n.t('last year') },
    ];
  }
  if (spec.kind === 'text' || spec.kind === 'pattern') return [];
  const candidates: Candidate[] = spec.values.map((v) => ({ value: v.value, description: localised(v.description) || undefined }));
  if (spec.open) {
    const used = options.workspaceValues?.(spec.key);
    const known = new Set(spec.values.map((v) => v.value));
    const extra = [...(used ?? new Map<string, number>())].filter(([value]) => value.trim() !== '' && !known.has(value));
    extra.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    for (const [value, files] of extra) candidates.push({ value, detail: files === 1 ? l10n.t('used in 1 other file') : l10n.t('used in {0} other files', files) });
  }
  return candidates;
}

function valueItems(
  document: ParsedDocument,
  schema: Schema,
  field: Field,
  position: Position,
  character: number,
  options: CompletionOptions,
): CompletionItem[] {
  const line = document.lines[position.line];
  const markers = markerItems(schema, line, character, position);
  if (markers.length) return markers;
  const spec = specFor(schema, field.key);
  if (!spec) return [];
  const head = fieldHead(field);
  // The edit starts right after the colon and writes the one space formatting wants too; when that one space is
  // already there and the cursor is past it, the edit starts after it. An edit that also replaced the space would
  // reach outside an empty snippet tab stop there (a template's), and VS Code would leave the snippet: the next Tab
  // would type a tab instead of moving to the next field.
  const keepSpace = /^ (?! )/.test(line.slice(head.colonEnd, head.colonEnd + 2)) && character > head.colonEnd;
  let start = keepSpace ? head.colonEnd + 1 : head.colonEnd;
  let end = Math.max(character, line.trimEnd().length);
  let chosen = new Set<string>();
  if (spec.kind === 'multi') {
    // The item under the cursor runs from the separator before it to the separator after it.
    const previous = line.lastIndexOf(spec.separator, character - 1);
    if (previous >= head.colonEnd) start = previous + spec.separator.length;
    const next = line.indexOf(spec.separator, character);
    if (next >= 0) end = next;
    const here = fold(line.slice(start, end));
    chosen = new Set(fieldValue(field).split(spec.separator).map(fold).filter((item) => item !== '' && item !== here));
  }
  const range: Range = { start: { line: position.line, character: start }, end: { line: position.line, character: Math.max(end, character) } };
  const written = (value: string) => (keepSpace && start === head.colonEnd + 1 ? value : ` ${value}`);
  return valueCandidates(spec, options)
    .filter((c) => !chosen.has(fold(c.value)))
    .map((c, index) => ({
      label: c.value,
      kind: spec.kind === 'year' ? KIND.Value : KIND.EnumMember,
      detail: c.detail,
      documentation: c.description,
      sortText: String(index).padStart(5, '0'),
      filterText: written(c.value),
      textEdit: { range, newText: written(c.value) },
      insertTextFormat: FORMAT.PlainText,
    }));
}

/** After `<` in a value: the schema's redaction markers. */
function markerItems(schema: Schema, line: string, character: number, position: Position): CompletionItem[] {
  const open = line.lastIndexOf('<', character - 1);
  if (open < 0 || !isMarkerTokenStart(line.slice(open, character))) return [];
  const closing = line[character] === '>' ? 1 : 0;
  const range: Range = { start: { line: position.line, character: open }, end: { line: position.line, character: character + closing } };
  return schema.markers.map((marker, index) => ({
    label: marker.text,
    kind: KIND.Constant,
    detail: l10n.t('redaction marker'),
    documentation: localised(marker.description) || undefined,
    sortText: String(index).padStart(3, '0'),
    filterText: marker.text,
    textEdit: { range, newText: marker.text },
    insertTextFormat: FORMAT.PlainText,
  }));
}

/** A whole record per template (the schema's, then an empty one): every field in schema order, one tab stop each. */
function templateItems(document: ParsedDocument, schema: Schema, position: Position, options: CompletionOptions): CompletionItem[] {
  const eol = lineEnding(document.text);
  const line = document.lines[position.line] ?? '';
  const bomOffset = position.line === 0 && line.charCodeAt(0) === 0xfeff ? 1 : 0;
  const range: Range = { start: { line: position.line, character: bomOffset }, end: { line: position.line, character: line.length } };
  // In an empty file a record is what the person came for: the templates go first. Elsewhere the missing fields of
  // the record above come first.
  const empty = document.fields.length === 0;
  return templatesOf(schema).map((template, index) => ({
    label: l10n.t('Fragment: {0}', template.name),
    kind: KIND.Snippet,
    detail: templateFills(template) ? l10n.t('whole record; fills in {0}', templateFills(template)) : l10n.t('whole record, every value empty'),
    documentation: localised(template.description) || undefined,
    // Keys sort as rank 0 to 2 (sortKey), so 3 puts the templates after them.
    sortText: `${empty ? '!' : '3'}${String(index).padStart(4, '0')}`,
    // Found by typing the start of the first key, "fragment", "record" or the template's name.
    filterText: `**${schema.recordStart} fragment record ${template.name}`,
    textEdit: { range, newText: templateText(schema, template, { snippet: options.snippets, eol }) },
    insertTextFormat: options.snippets ? FORMAT.Snippet : FORMAT.PlainText,
  }));
}
