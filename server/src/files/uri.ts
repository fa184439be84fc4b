/** Document URIs and the paths of files on disk (`/`-separated, see core/schema/discover.ts's normalizePath). */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { normalizePath } from '../core/schema/discover';

/** The path of a `file:` URI; undefined for any other (an unsaved document, a virtual one). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return normalizePath(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).toString();
}

/** A path as a message shows it to the person: on disk, the path itself. */
export function shownPath(path: string): string {
  return path;
}
