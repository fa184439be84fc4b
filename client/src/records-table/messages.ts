/** The messages between the records table's webview and the extension (both sides import this file). */
import type { RecordsResult } from '../../../server/src/records/protocol';

export type Scope = 'workspace' | 'file';

/** Extension → webview. */
export type ToWebview =
  | { type: 'records'; result: RecordsResult; scope: Scope; fileName: string | undefined; workspace: boolean }
  | { type: 'loading' }
  | { type: 'failed'; message: string };

/** Webview → extension. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'open'; uri: string; line: number; character: number }
  | { type: 'scope'; scope: Scope };
