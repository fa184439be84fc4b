/**
 * `fragments/records`: the records table's data, one row per record with its values and problems, for one document
 * or the whole workspace. `fragments/recordsChanged`: the server's word that fragment files changed, so an open table
 * asks again (sent once edits settle, and only to a client that has asked for records). Shared with the client and
 * its webview.
 */
import type { RecordRow, RecordsColumn } from '../core/features/records-table';

export type { ProblemCounts, RecordProblem, RecordRow, RecordsColumn } from '../core/features/records-table';

export const RECORDS_REQUEST = 'fragments/records';
export const RECORDS_CHANGED_NOTIFICATION = 'fragments/recordsChanged';

export interface RecordsParams {
  /** One document; without it, every fragment file of the workspace and every open fragment document. */
  uri?: string;
}

export interface RecordsResult {
  /** The schema's fields in order: of the document's schema, or for the workspace, of the first file's. */
  columns: RecordsColumn[];
  rows: RecordRow[];
  /** Fragment files found but not read (binary, not UTF-8, too large). */
  unreadable: number;
}
