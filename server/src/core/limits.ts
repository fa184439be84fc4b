/**
 * How much of a very large file the editor checks. A language server answers on every keystroke; past a few
 * megabytes a file is a data dump, not a record someone is writing, and checking all of it would freeze the editor.
 */
import * as l10n from '@vscode/l10n';
import { Severity, type FragmentDiagnostic } from './diagnostic';
import { DIAGNOSTIC_SOURCE } from './diagnostic-codes';
import { directed } from './l10n';
import { ruleDocs } from './diagnostic-docs';
import { fieldHeadText } from './grammar';

/** Open files are checked up to this many characters (about 5 MB), the same limit as for files on disk. */
export const MAX_CHECKED_CHARACTERS = 5_000_000;

export interface CheckedPart {
  /** The text the features work on: all of it, or the records that start before the limit. */
  text: string;
  /** Set when part of the file is not checked: an information diagnostic that says so. */
  note?: FragmentDiagnostic;
}

/**
 * The part of `text` to check: everything when it is small enough, else the records that start before the limit
 * (so no record is cut in half and reported as missing fields), or the lines before it when there are no records.
 */
export function checkedPart(text: string, recordStart: string, max = MAX_CHECKED_CHARACTERS): CheckedPart {
  if (text.length <= max) return { text };
  let end = text.lastIndexOf(`\n${fieldHeadText(recordStart)}`, max);
  if (end > 0 && text[end - 1] === '\r') end--;
  if (end <= 0) end = Math.max(text.lastIndexOf('\n', max), text.lastIndexOf('\r', max));
  if (end <= 0) end = max - (isLowSurrogate(text.charCodeAt(max)) ? 1 : 0); // one huge line: cut inside it
  const checked = text.slice(0, end);
  const lines = countLines(checked);
  const message = directed(
    lines === 1
      ? l10n.t(
          'This file is {0} MB, more than the {1} MB the editor checks, so only the start of its first line is checked and fix-all, formatting and sorting are turned off for it. Split it into smaller files to have all of it checked.',
          megabytes(text.length),
          megabytes(max),
        )
      : l10n.t(
          'This file is {0} MB, more than the {1} MB the editor checks, so only its first {2} lines are checked and fix-all, formatting and sorting are turned off for it. Split it into smaller files to have all of it checked.',
          megabytes(text.length),
          megabytes(max),
          lines.toLocaleString('en'),
        ),
  );
  return {
    text: checked,
    note: {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: Severity.Information,
      code: 'file-too-large',
      codeDescription: ruleDocs('file-too-large'),
      source: DIAGNOSTIC_SOURCE,
      message,
      data: { fix: 'none' },
    },
  };
}

function megabytes(characters: number): string {
  return (characters / 1_000_000).toFixed(characters >= 10_000_000 ? 0 : 1);
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) lines++;
  }
  return lines;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
