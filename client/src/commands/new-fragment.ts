/** Fragments: New Fragment… — pick one of the schema's templates and get a new, unsaved fragment document. */
import * as vscode from 'vscode';
import { SchemaRequests, type TemplateChoice } from '../../../server/src/schemas/protocol';
import type { ServerStarter } from '../server-starter';
import { currentFolder } from './folders';

export function registerNewFragment(context: vscode.ExtensionContext, starter: ServerStarter): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('fragments.newFragment', async () => {
      // Templates come from the schema of the folder being worked in, so a team's own templates are offered.
      const folder = currentFolder();
      const server = await starter.forCommand('New Fragment…');
      if (!server) return;
      const templates = await server.client.sendRequest<TemplateChoice[]>(SchemaRequests.templates, { folderUri: folder?.toString() });
      const picked = await vscode.window.showQuickPick(
        templates.map((template) => ({ label: template.name, detail: template.description, template })),
        { title: 'New Fragment', placeHolder: 'Choose a template for the new record' },
      );
      if (!picked) return;
      const document = await vscode.workspace.openTextDocument({ language: 'fragment', content: picked.template.text });
      const editor = await vscode.window.showTextDocument(document);
      // Ready to type the FragmentID: the end of the first line.
      const end = document.lineAt(0).range.end;
      editor.selection = new vscode.Selection(end, end);
    }),
  );
}
