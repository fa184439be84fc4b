/**
 * "Accept this finding…": the quick fix runs the server's command (review/protocol.ts); before it goes to the server,
 * the person is asked why. Escape writes nothing. Used as the language client's `executeCommand` middleware.
 */
import { window } from 'vscode';
import * as l10n from '@vscode/l10n';
import { ACCEPT_FINDING_COMMAND, type AcceptFindingArguments } from '../../server/src/review/protocol';

type Next = (command: string, args: unknown[]) => unknown;

/** `userName`: who accepts, when it is known (left empty otherwise, for the reviewer to fill in). */
export function acceptFindingMiddleware(userName: () => string | undefined) {
  return async (command: string, args: unknown[], next: Next): Promise<unknown> => {
    if (command !== ACCEPT_FINDING_COMMAND) return next(command, args);
    const argument = args[0] as AcceptFindingArguments | undefined;
    if (!argument?.finding) return next(command, args);
    const reason = await window.showInputBox({
      title: l10n.t('Accept this finding ({0})', argument.finding.code),
      prompt: l10n.t('Why is it accepted? The reason is saved in fragment-review.json in the workspace folder. To show the finding again, remove its entry from that file.'),
      placeHolder: l10n.t('For example: the team agreed on this value'),
      ignoreFocusOut: true,
      validateInput: (text) => (text.trim() === '' ? l10n.t('Write the reason, or press Escape to cancel.') : undefined),
    });
    if (reason === undefined || reason.trim() === '') return undefined; // cancelled: nothing is written
    return next(command, [{ ...argument, reason: reason.trim(), acceptedBy: userName() ?? '' }]);
  };
}
