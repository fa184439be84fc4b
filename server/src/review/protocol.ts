/** What the server and the VS Code client share about accepted findings. */
import type { LocatedFinding } from '../core/review';

/**
 * workspace/executeCommand: writes an entry accepting one finding into the review file of its folder. The quick fix
 * "Accept this finding…" runs it with `{ uri, finding }`; the VS Code client first asks for the reason and adds
 * `reason` and `acceptedBy` (another editor runs it as it is: who and why are left for the reviewer to fill in).
 */
export const ACCEPT_FINDING_COMMAND = 'fragments.server.acceptFinding';

export interface AcceptFindingArguments {
  uri: string;
  finding: LocatedFinding;
  acceptedBy?: string;
  reason?: string;
}

/** The answer: the review file written, as a URI. */
export interface AcceptFindingResult {
  reviewFile: string;
}

/** `fragments/reviewInfo` { uri }: how many findings of the document the review file accepts, and which file that is. */
export const REVIEW_INFO_REQUEST = 'fragments/reviewInfo';

export interface ReviewInfo {
  accepted: number;
  /** The review file that applies to the document (it may not exist yet); absent outside the workspace folders. */
  reviewFile?: string;
}

/** Server → client, `{ uri, accepted }`: the number of a document's accepted findings changed. */
export const ACCEPTED_COUNT_NOTIFICATION = 'fragments/acceptedCountChanged';
