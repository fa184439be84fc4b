/// <reference lib="dom" />
/** What the records table and its charts share in the webview. */
import type { RecordsColumn } from '../../../../server/src/records/protocol';

/** The values a cell holds: a multi field's choices one by one, else the value itself. */
export function choicesIn(column: RecordsColumn, value: string | undefined): string[] {
  if (value === undefined || value === '') return [];
  if (column.kind !== 'multi') return [value];
  return value
    .split(column.separator.trim() || column.separator)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** An element with attributes (an empty value leaves the attribute out) and children, text set as text, never as HTML. */
export function element(tag: string, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== '') node.setAttribute(name, value);
  node.append(...children);
  return node;
}
