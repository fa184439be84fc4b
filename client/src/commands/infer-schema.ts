/**
 * Fragments: Infer Schema from Folder… — reads the fragment files in a folder and writes a fragment.schema.json whose
 * lists hold every value seen there, with counts, as a starting point for a team's own schema.
 */
import * as vscode from 'vscode';
import { SchemaRequests, type InferredSchemaText } from '../../../server/src/schemas/protocol';
import type { ServerStarter } from '../server-starter';
import { currentFolder, writeNewFile } from './folders';

export function registerInferSchema(context: vscode.ExtensionContext, starter: ServerStarter): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('fragments.inferSchema', async (clicked?: vscode.Uri) => {
      const folder = clicked ?? (await askFolder());
      if (!folder) return;
      const server = await starter.forCommand('Infer Schema from Folder…');
      if (!server) return;
      const inferred = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Reading the fragment files in ${vscode.workspace.asRelativePath(folder)}…` },
        () => server.client.sendRequest<InferredSchemaText>(SchemaRequests.infer, { folderUri: folder.toString() }),
      );
      if (inferred.files === 0) {
        void vscode.window.showWarningMessage(`No fragment files were found in ${vscode.workspace.asRelativePath(folder)}, so there is nothing to infer a schema from.`);
        return;
      }
      const written = await writeNewFile(vscode.Uri.joinPath(folder, 'fragment.schema.json'), inferred.text);
      if (written) {
        void vscode.window.showInformationMessage(
          `Schema inferred from ${inferred.files} fragment file${inferred.files === 1 ? '' : 's'}. It now checks the fragments in this folder; edit it to suit your team.`,
        );
      }
    }),
  );
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
