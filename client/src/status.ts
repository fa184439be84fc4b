/**
 * The status bar item shown while a fragment is open: which schema checks it (click opens that schema), how many
 * problems (errors and warnings) the file has and, apart, how many notes (problem-counts.ts); a warning when the
 * schema file itself has errors.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { ACCEPTED_COUNT_NOTIFICATION, REVIEW_INFO_REQUEST, type ReviewInfo } from '../../server/src/review/protocol';
import { SCHEMA_CHANGED_NOTIFICATION, SchemaRequests, type SchemaInfo } from '../../server/src/schemas/protocol';
import { exists } from './commands/folders';
import { onDidChangeLocale } from './l10n';
import { countProblems, problemCountExplanation, problemCountText } from './problem-counts';
import type { ServerStarter } from './server-starter';

export const OPEN_SCHEMA_COMMAND = 'fragments.openSchema';

/**
 * The built-in schema is shown as a read-only virtual document: it is part of the extension, not a file anyone
 * should save or edit (a team changes it with its own fragment.schema.json). The path ends in fragment.schema.json,
 * so VS Code's JSON support explains its properties on hover as in a team's schema file.
 */
const BUILT_IN_SCHEMA_URI = vscode.Uri.from({ scheme: 'fragment-schema', path: '/built-in/fragment.schema.json' });

export function registerSchemaStatus(context: vscode.ExtensionContext, starter: ServerStarter): void {
  const item = vscode.window.createStatusBarItem('fragments.schema', vscode.StatusBarAlignment.Right, 100);
  item.name = l10n.t('Fragment schema');
  item.command = OPEN_SCHEMA_COMMAND;
  let info: SchemaInfo | undefined;
  let review: ReviewInfo | undefined;
  let asked = 0;
  let reviewAsked = 0;
  const schemaFiles = vscode.workspace.createFileSystemWatcher('**/fragment.schema.json', false, true, false);

  const fragmentEditor = () => {
    const editor = vscode.window.activeTextEditor;
    return editor?.document.languageId === 'fragment' ? editor : undefined;
  };

  const show = () => {
    const editor = fragmentEditor();
    if (!editor || !info) return item.hide();
    const counts = countProblems(vscode.languages.getDiagnostics(editor.document.uri).map((d) => d.severity));
    let count = problemCountText(counts);
    const explanation = problemCountExplanation(counts);
    const accepted = review?.accepted ?? 0;
    if (accepted > 0) count += ` · ${l10n.t('{0} accepted', accepted)}`;
    if (info.errors > 0) {
      const text =
        info.fallback === 'last-good'
          ? l10n.t('{0} has errors: using its last good version', info.label)
          : l10n.t('{0} has errors: using the built-in schema', info.label);
      item.text = `$(warning) ${text} · ${count}`;
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      item.tooltip = `${info.firstError ?? l10n.t('The schema file has errors.')}\n${l10n.t('Click to open the schema file and see its problems.')}\n${explanation}`;
    } else {
      item.text = `$(checklist) ${info.kind === 'default' ? l10n.t('Built-in schema') : info.label} · ${count}`;
      item.backgroundColor = undefined;
      const schema = info.kind === 'default' ? l10n.t('Checked with the built-in schema. Click to view it.') : l10n.t('Checked with {0}. Click to open it.', info.label);
      item.tooltip = `${schema}\n${explanation}`;
    }
    if (accepted > 0) item.tooltip += `\n${acceptedNote(accepted, review?.reviewFile)}`;
    item.show();
  };

  /** Asks the server which schema applies; only the newest answer is shown. */
  const refresh = async () => {
    const editor = fragmentEditor();
    const client = starter.running; // not started yet: the item stays hidden until the server can answer
    if (!editor || !client) return show();
    const ticket = ++asked;
    try {
      const answer = await client.sendRequest<SchemaInfo>(SchemaRequests.info, { uri: editor.document.uri.toString() });
      if (ticket === asked) info = answer;
    } catch {
      if (ticket === asked) info = undefined; // the server is restarting; the next event asks again
    }
    show();
    void refreshReview();
  };

  /** Asks the server how many findings of the active fragment the review file accepts; only the newest answer is shown. */
  const refreshReview = async () => {
    const editor = fragmentEditor();
    const client = starter.running;
    if (!editor || !client) return;
    const ticket = ++reviewAsked;
    try {
      const answer = await client.sendRequest<ReviewInfo>(REVIEW_INFO_REQUEST, { uri: editor.document.uri.toString() });
      if (ticket === reviewAsked) review = answer;
    } catch {
      if (ticket === reviewAsked) review = undefined;
    }
    show();
  };

  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(() => void refresh()),
    vscode.workspace.onDidOpenTextDocument(() => void refresh()), // a document switched to the fragment language
    vscode.languages.onDidChangeDiagnostics((event) => {
      const editor = fragmentEditor();
      if (editor && event.uris.some((uri) => uri.toString() === editor.document.uri.toString())) show();
      else if (info?.uri && event.uris.some((uri) => uri.toString() === info?.uri)) void refresh();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('fragments.schema')) void refresh();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void refresh()),
    onDidChangeLocale(show), // the workspace's fragments.schema may apply now
    // A schema file deleted or renamed: the item follows at once, whatever the server's own file watching does.
    schemaFiles,
    schemaFiles.onDidDelete(() => void refresh()),
    schemaFiles.onDidCreate(() => void refresh()),
    vscode.workspace.registerTextDocumentContentProvider(BUILT_IN_SCHEMA_URI.scheme, {
      provideTextDocumentContent: async () => {
        const server = await starter.forCommand(l10n.t('Open the Schema in Use'));
        // forCommand has said why the server could not start; the document stays empty.
        if (!server) return '';
        return (await server.client.sendRequest<{ text: string }>(SchemaRequests.builtIn, {})).text;
      },
    }),
    vscode.commands.registerCommand(OPEN_SCHEMA_COMMAND, async () => {
      await refresh(); // never reopen a schema that has gone since the item last asked
      if (info?.uri && (await exists(vscode.Uri.parse(info.uri)))) return vscode.window.showTextDocument(vscode.Uri.parse(info.uri));
      const document = await vscode.workspace.openTextDocument(BUILT_IN_SCHEMA_URI);
      return vscode.window.showTextDocument(await vscode.languages.setTextDocumentLanguage(document, 'json'), { preview: true });
    }),
  );
  starter.onClientCreated((client) => [
    client.onNotification(SCHEMA_CHANGED_NOTIFICATION, () => void refresh()),
    // The server says when a document's count of accepted findings changes (not on every keystroke).
    client.onNotification(ACCEPTED_COUNT_NOTIFICATION, (params: { uri?: string }) => {
      if (params.uri === fragmentEditor()?.document.uri.toString()) void refreshReview();
    }),
    client.onDidChangeState(() => void refresh()),
  ]);
  void refresh();
}

/** Where the accepted findings are listed, and how to show one again. */
function acceptedNote(accepted: number, reviewFile: string | undefined): string {
  const where = reviewFile ? vscode.workspace.asRelativePath(vscode.Uri.parse(reviewFile)) : 'fragment-review.json';
  return accepted === 1
    ? l10n.t('1 finding is accepted in {0} and not shown. To show it again, remove its entry from that file.', where)
    : l10n.t('{0} findings are accepted in {1} and not shown. To show one again, remove its entry from that file.', accepted, where);
}
