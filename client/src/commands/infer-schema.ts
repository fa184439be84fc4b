/**
 * Fragments: Infer Schema from Folder… — reads the fragment files in a folder and proposes a fragment.schema.json
 * that extends the built-in schema with what those records add (server: core/schema/infer.ts). The proposal opens as
 * an unsaved document for that path: nothing applies until the person saves it, on purpose. Values the built-in
 * schema rejects (the folder's typos) are not learned; they are listed as suspects in the file and in the message.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { SchemaRequests, type InferredSchemaText } from '../../../server/src/schemas/protocol';
import type { ServerStarter } from '../server-starter';
import { currentFolder, exists } from './folders';

export function registerInferSchema(context: vscode.ExtensionContext, starter: ServerStarter): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('fragments.inferSchema', async (clicked?: vscode.Uri) => {
      const folder = clicked ?? (await askFolder());
      if (!folder) return;
      const server = await starter.forCommand(l10n.t('Infer Schema from Folder…'));
      if (!server) return;
      const where = vscode.workspace.asRelativePath(folder);
      const inferred = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: l10n.t('Reading the fragment files in {0}…', where) },
        () => server.client.sendRequest<InferredSchemaText>(SchemaRequests.infer, { folderUri: folder.toString() }),
      );
      if (inferred.files === 0) {
        void vscode.window.showWarningMessage(l10n.t('No fragment files were found in {0}, so there is nothing to infer a schema from.', where));
        return;
      }
      const target = vscode.Uri.joinPath(folder, 'fragment.schema.json');
      const shown = await showProposal(target, inferred.text);
      if (!shown) return;
      const records = inferred.records === 1 ? l10n.t('1 record') : l10n.t('{0} records', inferred.records);
      const files = inferred.files === 1 ? l10n.t('1 file') : l10n.t('{0} files', inferred.files);
      const sentences = [l10n.t('Schema inferred from {0} in {1}.', records, files)];
      const suspects = inferred.suspects.length;
      if (suspects > 0) {
        const example = JSON.stringify(inferred.suspects[0].text);
        sentences.push(
          suspects === 1
            ? l10n.t('1 value the built-in schema does not accept (like {0}) was left out: see the end of the file.', example)
            : l10n.t('{0} values the built-in schema does not accept (like {1}) were left out: see the end of the file.', suspects, example),
        );
      }
      sentences.push(shown === 'new' ? l10n.t('Nothing changes until you save the file.') : l10n.t('It is not saved; copy what you want from it.'));
      void vscode.window.showInformationMessage(sentences.join(' '));
    }),
  );
}

/**
 * Opens the proposed schema unsaved: as an untitled document for `target` when there is no schema there yet (saving
 * writes it there), else as a document with no path, next to the existing file, which is left alone.
 */
async function showProposal(target: vscode.Uri, text: string): Promise<'new' | 'beside' | undefined> {
  if (await exists(target)) {
    const showInferred = l10n.t('Show Inferred Schema');
    const choice = await vscode.window.showWarningMessage(
      l10n.t('{0} already exists.', vscode.workspace.asRelativePath(target)),
      { modal: true, detail: l10n.t('The inferred schema opens as a new unsaved file, so you can compare it with yours. Your file is not changed.') },
      showInferred,
    );
    if (choice !== showInferred) return undefined;
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'jsonc', content: text }));
    return 'beside';
  }
  // `untitled:` with the target's path: VS Code saves it to that path, without asking where.
  const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: target.path }));
  if (document.getText() !== '' && document.getText() !== text) {
    // An earlier proposal, still unsaved and maybe edited: left as it is, the new one opens beside it.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'jsonc', content: text }));
    return 'beside';
  }
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(0, 0), text);
  if (document.getText() === '') await vscode.workspace.applyEdit(edit);
  if (document.languageId !== 'jsonc') await vscode.languages.setTextDocumentLanguage(document, 'jsonc');
  await vscode.window.showTextDocument(document);
  return 'new';
}

async function askFolder(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: currentFolder(),
    openLabel: l10n.t('Infer Schema'),
    title: l10n.t('Folder of fragment files to infer a schema from'),
  });
  return picked?.[0];
}
