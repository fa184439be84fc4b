/// <reference lib="dom" />
/**
 * Makes an element with attributes (an empty value leaves the attribute out) and children. Text is always set as
 * text, never as HTML: record values are the person's own words, and may hold anything.
 */
export function element(tag: string, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== '') node.setAttribute(name, value);
  node.append(...children);
  return node;
}
