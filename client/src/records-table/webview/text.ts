/// <reference lib="dom" />
/**
 * The page's words, in the person's language: the extension host translates them (../strings.ts) and writes them
 * into the page as JSON (a `<script type="application/json">`, data that is never run); the page only fills in the
 * numbered placeholders.
 */
import type { WebviewStrings } from '../strings';

const strings = JSON.parse(document.getElementById('strings')?.textContent ?? '{}') as WebviewStrings;

/** The text for `key`, `{0}`, `{1}`… replaced by `values` in order. */
export function say(key: keyof WebviewStrings, ...values: (string | number)[]): string {
  return (strings[key] ?? key).replace(/\{(\d+)\}/g, (whole, index: string) => String(values[Number(index)] ?? whole));
}

/** "1 record", "3 records". */
export function records(n: number): string {
  return n === 1 ? say('oneRecord') : say('manyRecords', n);
}

/** "1 file", "3 files". */
export function files(n: number): string {
  return n === 1 ? say('oneFile') : say('manyFiles', n);
}
