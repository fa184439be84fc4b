/** Fragments: Create Schema File — a starting fragment.schema.json that extends the built-in schema. */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { SchemaRequests } from '../../../server/src/schemas/protocol';
import type { ServerStarter } from '../server-starter';
import { pickWorkspaceFolder, writeNewFile } from './folders';

export function registerCreateSchema(context: vscode.ExtensionContext, starter: ServerStarter): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('fragments.createSchema', async (folder?: vscode.Uri) => {
      const target = folder ?? (await pickWorkspaceFolder(l10n.t('Choose the folder whose fragments the schema describes')));
      if (!target) return;
      const server = await starter.forCommand(l10n.t('Create Schema File'));
      if (!server) return;
      const { text } = await server.client.sendRequest<{ text: string }>(SchemaRequests.starter, {});
      await writeNewFile(vscode.Uri.joinPath(target, 'fragment.schema.json'), text);
    }),
  );
}
