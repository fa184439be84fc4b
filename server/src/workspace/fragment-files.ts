/** Which files are fragment files, and reading them as text: shared by the CLI and the server's workspace index. */
import type * as Tinyglobby from 'tinyglobby';

/**
 * tinyglobby, required on first use from its own file in the bundle: the server only walks folders after its first
 * check, so it starts without parsing it. (`require`: tinyglobby's ESM build would pull in fdir's, which needs
 * import.meta.)
 */
const tinyglobby = (): typeof Tinyglobby => require('tinyglobby') as typeof Tinyglobby;
export const glob = (patterns: string | readonly string[], options: Tinyglobby.GlobOptions): Promise<string[]> => tinyglobby().glob(patterns, options);
export const globSync = (patterns: string | readonly string[], options: Tinyglobby.GlobOptions): string[] => tinyglobby().globSync(patterns, options);
export const isDynamicPattern = (pattern: string): boolean => tinyglobby().isDynamicPattern(pattern);

/** File names the editor treats as fragments, and so the ones a folder walk picks up. */
export const FRAGMENT_FILE = /\.fragment(\.txt|\.md)?$/i;
export const FRAGMENT_GLOB = '**/*.{fragment,fragment.txt,fragment.md}';
/** Folders never searched: installed packages and version-control data hold no team fragments. */
export const SKIPPED_FOLDERS = ['**/node_modules/**', '**/.git/**', '**/.hg/**', '**/.svn/**', '**/.vscode-test/**'];

/** `bom`: the file started with a byte-order mark, which is not part of the text but is kept when writing back. */
export type DecodeResult = { ok: true; text: string; bom: boolean } | { ok: false; reason: string };

/** Decodes UTF-8, refusing binary and non-UTF-8 content with a reason instead of checking noise. */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.includes(0)) return { ok: false, reason: 'is a binary file (it holds NUL bytes), not a fragment' };
  try {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), bom };
  } catch {
    return { ok: false, reason: 'is not UTF-8 text; save it as UTF-8 and check it again' };
  }
}
