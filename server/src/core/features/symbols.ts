/** Outline: one symbol per record, named by its FragmentID, with its fields as children. */
import * as l10n from '@vscode/l10n';
import type { DocumentSymbol, Range } from 'vscode-languageserver-types';
import { fieldValue, keyRange, type FragmentRecord, type ParsedDocument } from '../parser';
import type { Schema } from '../schema/model';
import { specFor } from './shared';

const SYMBOL = { Field: 8, Object: 19 } as const;
/** Values are cut to this many characters in the outline's detail. */
const DETAIL_LENGTH = 60;

function lineSpan(document: ParsedDocument, first: number, last: number, lines: number): Range {
  return { start: { line: first + lines, character: 0 }, end: { line: last + lines, character: document.lines[last]?.length ?? 0 } };
}

function movedRange(range: Range, lines: number): Range {
  if (lines === 0) return range;
  return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}

function shortened(value: string): string {
  // Only the start is looked at: collapsing the spaces of a whole megabyte value takes seconds, and even 480
  // characters a field made a 5,000-entry outline spend more time here than in sending it (measured 8–34 ms).
  const head = value.length > DETAIL_LENGTH * 2 ? value.slice(0, DETAIL_LENGTH * 2) : value;
  const oneLine = head.replace(/\s+/g, ' ');
  return oneLine.length > DETAIL_LENGTH || head !== value ? `${oneLine.slice(0, DETAIL_LENGTH - 1)}…` : oneLine;
}

/** A record's name: the first line of its ID, cut short if someone pasted a whole text there. */
function firstLine(value: string): string {
  const end = value.indexOf('\n');
  const line = end < 0 ? value : value.slice(0, end);
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** The last line of a record that has text: blank lines before the next record do not belong in its outline. */
function lastTextLine(document: ParsedDocument, first: number, last: number): number {
  let line = last;
  while (line > first && document.lines[line].trim() === '') line--;
  return line;
}

/**
 * The outline. `maxItems` bounds its entries, a record and each of its fields counting one, as yaml-language-server's
 * `maxItemsComputed` does: records are listed whole while they fit (an outline of 50,000 entries is megabytes of JSON
 * that no one scrolls, and costs seconds to send).
 */
export function documentSymbols(document: ParsedDocument, schema: Schema, maxItems = Infinity): DocumentSymbol[] {
  let items = 0;
  const shown = [];
  for (const record of document.records) {
    items += 1 + record.fields.length;
    if (items > maxItems) break;
    shown.push(record);
  }
  return shown.map((record) => recordEntry(document, record, schema).symbol);
}

/** How many entries of the outline a record's symbol counts for: the record and each of its fields. */
export function outlineEntries(symbol: DocumentSymbol): number {
  return 1 + (symbol.children?.length ?? 0);
}

/** A record's outline entry, and whether its name is its number (it has no ID), which changes when records before it come or go. */
export interface RecordEntry {
  symbol: DocumentSymbol;
  numbered: boolean;
}

/**
 * One record's outline entry, with its fields inside. `lines` moves it down from where `document` has it, and `index`
 * numbers a record without an ID: for a record parsed alone (core/record-checks.ts keeps each record's entry).
 */
export function recordEntry(document: ParsedDocument, record: FragmentRecord, schema: Schema, lines = 0, index = record.index): RecordEntry {
  const idField = record.fields.find((f) => specFor(schema, f.key)?.key === schema.recordStart);
  const id = idField ? fieldValue(idField) : '';
  const name = id ? firstLine(id) : unnamed(index, schema);
  const end = lastTextLine(document, record.startLine, record.endLine);
  const children: DocumentSymbol[] = record.fields.map((field) => ({
    name: field.key || l10n.t('(field without a name)'), // `** **:`; an empty name is not a valid symbol
    detail: shortened(fieldValue(field)),
    kind: SYMBOL.Field,
    range: lineSpan(document, field.line, field.endLine, lines),
    selectionRange: movedRange(keyRange(field), lines),
  }));
  const first = record.fields[0];
  const symbol: DocumentSymbol = {
    name,
    detail: 'fragment',
    kind: SYMBOL.Object,
    range: lineSpan(document, record.startLine, Math.max(end, first.endLine), lines),
    selectionRange: movedRange(keyRange(idField ?? first), lines),
    children,
  };
  return { symbol, numbered: !id };
}

/** The name of a record without an ID, which says where it is (`index`, 0-based). */
function unnamed(index: number, schema: Schema): string {
  return l10n.t('Fragment {0} (no {1})', index + 1, schema.recordStart);
}

/**
 * A record's entry moved `lines` down (up when negative), renumbered `index` when it has no ID: the entry of a record
 * whose text did not change, after an edit above it.
 */
export function movedEntry({ symbol, numbered }: RecordEntry, lines: number, index: number, schema: Schema): RecordEntry {
  const moved = {
    ...symbol,
    name: numbered ? unnamed(index, schema) : symbol.name,
    range: movedRange(symbol.range, lines),
    selectionRange: movedRange(symbol.selectionRange, lines),
    children: symbol.children?.map((child) => ({ ...child, range: movedRange(child.range, lines), selectionRange: movedRange(child.selectionRange, lines) })),
  };
  return { symbol: moved, numbered };
}

/**
 * The last entry of an outline cut short: where the first record left out starts, saying how many records the
 * outline shows and how to see more. (An outline of 100,000 records is tens of megabytes that no one scrolls.)
 */
export function outlineCutSymbol(shown: number, total: number, line: number, setting: string): DocumentSymbol {
  const at: Range = { start: { line, character: 0 }, end: { line, character: 0 } };
  return {
    name: l10n.t('Outline shows the first {0} of {1} records', shown.toLocaleString('en'), total.toLocaleString('en')),
    detail: l10n.t('to see more, raise the setting {0}', setting),
    kind: SYMBOL.Object,
    range: at,
    selectionRange: at,
  };
}
