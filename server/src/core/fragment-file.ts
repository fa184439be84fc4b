/**
 * Which files are fragment files: the one definition shared by the editor (client/src/detect-by-content.ts and the
 * `firstLine` of package.json), the language server's workspace index and Check Workspace, and fragment-lint.
 * A file is a fragment file by its name, or, for a plain-text or Markdown file (harvest exports are often `.txt`),
 * by its content: its first non-empty line is a `**FragmentID**:` field. Pure: the caller reads the file.
 */
import { fieldLineKey, keyLineSource } from './grammar';

/** Names that make a file a fragment file whatever it holds. */
export const FRAGMENT_FILE_NAME = /\.fragment(\.txt|\.md)?$/i;
/** Names whose content decides: plain text and Markdown. */
export const CONTENT_DECIDES_NAME = /\.(txt|md)$/i;
/** The key of the field that a fragment file found by content starts with. */
const FIRST_KEY = 'FragmentID';
/**
 * That first line as an expression: package.json's `firstLine` (written by scripts/generate-contributions.ts), which
 * VS Code tests before any extension code runs. It accepts exactly the lines `startsWithFragmentId` accepts.
 */
export const FRAGMENT_FIRST_LINE = /* @__PURE__ */ new RegExp(/* @__PURE__ */ keyLineSource(FIRST_KEY));
/** Only the top of a file is looked at: a fragment says what it is in its first line. */
export const LINES_EXAMINED = 50;
/** How much of a file on disk is read to decide by content: enough for the first line of any real record. */
export const HEAD_BYTES = 8192;

/** Whether the name alone makes a file a fragment file. */
export function hasFragmentName(path: string): boolean {
  return FRAGMENT_FILE_NAME.test(path);
}

/** Whether a file could be a fragment file: by its name, or (when content detection is on) by its content. */
export function mayBeFragment(path: string, detectByContent = true): boolean {
  return hasFragmentName(path) || (detectByContent && CONTENT_DECIDES_NAME.test(path));
}

/** Whether the first non-empty line of a text (given line by line; undefined past the end) is a FragmentID field. */
export function startsWithFragmentId(lineAt: (index: number) => string | undefined): boolean {
  for (let index = 0; index < LINES_EXAMINED; index++) {
    const line = lineAt(index);
    if (line === undefined) return false;
    if (line.trim() === '') continue;
    return fieldLineKey(line) === FIRST_KEY;
  }
  return false;
}

/** The same test on the start of a text (e.g. the first HEAD_BYTES of a file, decoded). */
export function textStartsWithFragmentId(head: string): boolean {
  const lines = head.split(/\r\n|\r|\n/, LINES_EXAMINED);
  return startsWithFragmentId((index) => lines[index]);
}

/**
 * Whether a file is a fragment file, from its path and the start of its text. `detectByContent` is the
 * `fragments.detectByContent` setting (true when not given, as in the editor).
 */
export function isFragmentFile(path: string, head: string, detectByContent = true): boolean {
  return hasFragmentName(path) || (detectByContent && CONTENT_DECIDES_NAME.test(path) && textStartsWithFragmentId(head));
}
