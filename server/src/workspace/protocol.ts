/**
 * `fragments/checkWorkspace`: a request (any LSP client can send it) that checks every fragment file of the workspace
 * and publishes diagnostics for each, reporting $/progress on the request's workDoneToken. Shared with the client.
 */
export const CHECK_WORKSPACE_REQUEST = 'fragments/checkWorkspace';

export interface CheckWorkspaceParams {
  workDoneToken?: string | number;
}

export interface CheckWorkspaceResult {
  files: number;
  /** Files with at least one problem. */
  filesWithProblems: number;
  errors: number;
  warnings: number;
  /** Information and hints. */
  notes: number;
  /** Files found but not checked (binary, not UTF-8, too large, unreadable). */
  unreadable: number;
  cancelled: boolean;
}
