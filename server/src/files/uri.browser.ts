/**
 * Document URIs and paths in the browser build, which reads every file through the client (host/client-files.ts), so
 * any scheme is a file it can read: `vscode-vfs://github/owner/repo/a.fragment` in github.dev, `vscode-remote://…`
 * in code-server. The server's path code (schema discovery, the workspace walk) works on `/`-separated absolute paths,
 * so a URI becomes one whose first segment names its scheme and authority:
 * `/vscode-vfs:github/owner/repo/a.fragment`. Both directions use vscode-uri, VS Code's own URI code, so a URI made
 * from a path is spelt exactly as the editor spells the same document's URI.
 * The browser bundle uses this file in place of uri.ts (scripts/esbuild-options.mjs, BROWSER_SUBSTITUTES).
 */
import { URI } from 'vscode-uri';
import { normalizePath } from '../core/schema/discover';

/** Documents that are not files anywhere (an unsaved editor): no path, as in Node. */
const NOT_FILES = new Set(['untitled', 'vscode-notebook-cell']);

/** The path of a document's URI; undefined for an unsaved document or a URI with no path. */
export function uriToPath(uri: string): string | undefined {
  let parsed: URI;
  try {
    parsed = URI.parse(uri, true);
  } catch {
    return undefined;
  }
  if (NOT_FILES.has(parsed.scheme) || !parsed.path.startsWith('/')) return undefined;
  return normalizePath(`/${parsed.scheme}:${parsed.authority}${parsed.path}`);
}

export function pathToUri(path: string): string {
  const match = /^\/([A-Za-z][\w+.-]*):([^/]*)(\/.*)?$/.exec(path);
  if (!match) return URI.file(path).toString();
  return URI.from({ scheme: match[1], authority: match[2], path: match[3] ?? '/' }).toString();
}

/**
 * A path as a message shows it to the person: a file on disk as its path, any other as the URI the editor shows
 * (`vscode-vfs://github/owner/repo/a.fragment`), never the server's own `/vscode-vfs:github/…` spelling.
 */
export function shownPath(path: string): string {
  const uri = URI.parse(pathToUri(path));
  return uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
}
