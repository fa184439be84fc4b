/**
 * Fragments: Infer Schema from Folder… — reads the fragment files in a folder and proposes a fragment.schema.json
 * that extends the built-in schema with what those records add (server: core/schema/infer.ts). The proposal opens as
 * an unsaved document for that path: nothing applies until the person saves it, on purpose. Values the built-in
 * schema rejects (the folder's typos) are not learned; they are listed as suspects in the file and in the message.
 */
import * as vscode from 'vscode';
import { SchemaRequests, type InferredSchemaText } from '../../../server/src/schemas/protocol';
import type { ServerStarter } from '../server-starter';
import { currentFolder, exists } from './folders';

export function registerInferSchema(context: vscode.ExtensionContext, starter: ServerStarter): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('fragments.inferSchema', async (clicked?: vscode.Uri) => {
      const folder = clicked ?? (await askFolder());
      if (!folder) return;
      const server = await starter.forCommand('Infer Schema from Folder…');
      if (!server) return;
      const where = vscode.workspace.asRelativePath(folder);
      const inferred = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Reading the fragment files in ${where}…` },
        () => server.client.sendRequest<InferredSchemaText>(SchemaRequests.infer, { folderUri: folder.toString() }),
      );
      if (inferred.files === 0) {
        void vscode.window.showWarningMessage(`No fragment files were found in ${where}, so there is nothing to infer a schema from.`);
        return;
      }
      const target = vscode.Uri.joinPath(folder, 'fragment.schema.json');
      const shown = await showProposal(target, inferred.text);
      if (!shown) return;
      const read = `Schema inferred from ${plural(inferred.records, 'record')} in ${plural(inferred.files, 'file')}.`;
      const left = inferred.suspects.length === 0 ? '' : ` ${plural(inferred.suspects.length, 'value')} the built-in schema does not accept (like ${JSON.stringify(inferred.suspects[0].text)}) ${inferred.suspects.length === 1 ? 'was' : 'were'} left out: see the end of the file.`;
      const save = shown === 'new' ? ' Nothing changes until you save the file.' : ' It is not saved; copy what you want from it.';
      void vscode.window.showInformationMessage(read + left + save);
    }),
  );
}

/**
 * Opens the proposed schema unsaved: as an untitled document for `target` when there is no schema there yet (saving
 * writes it there), else as a document with no path, next to the existing file, which is left alone.
 */
async function showProposal(target: vscode.Uri, text: string): Promise<'new' | 'beside' | undefined> {
  if (await exists(target)) {
    const choice = await vscode.window.showWarningMessage(
      `${vscode.workspace.asRelativePath(target)} already exists.`,
      { modal: true, detail: 'The inferred schema opens as a new unsaved file, so you can compare it with yours. Your file is not changed.' },
      'Show Inferred Schema',
    );
    if (choice !== 'Show Inferred Schema') return undefined;
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
    openLabel: 'Infer Schema',
    title: 'Folder of fragment files to infer a schema from',
  });
  return picked?.[0];
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
