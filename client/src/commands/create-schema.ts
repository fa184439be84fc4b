/** Fragments: Create Schema File — a starting fragment.schema.json that extends the built-in schema. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SchemaRequests } from '../../../server/src/schemas/protocol';
import { pickWorkspaceFolder, writeNewFile } from './folders';

export function registerCreateSchema(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('fragments.createSchema', async (folder?: vscode.Uri) => {
      const target = folder ?? (await pickWorkspaceFolder('Choose the folder whose fragments the schema describes'));
      if (!target) return;
      const { text } = await client.sendRequest<{ text: string }>(SchemaRequests.starter, {});
      await writeNewFile(vscode.Uri.joinPath(target, 'fragment.schema.json'), text);
    }),
  );
}
