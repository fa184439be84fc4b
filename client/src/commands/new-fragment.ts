/**
 * Fragments: New Fragment… — pick one of the schema's templates, say where the new file goes, and fill it in with one
 * Tab per field, exactly like the template completion.
 *
 * The file is created on disk first (empty, as the Explorer's New File does) and the template inserted into it as a
 * snippet. A fragment is a file in the harvest folder from the first moment: Ctrl+S writes it without asking again,
 * the tab is named after the file rather than "Untitled-1" or its first line, and the schema of that folder (the one
 * whose templates were offered) is the one that checks it. Cancelling the dialog creates nothing.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { SchemaRequests, type TemplateChoice } from '../../../server/src/schemas/protocol';
import type { ServerStarter } from '../server-starter';
import { currentFolder, exists } from './folders';

export function registerNewFragment(context: vscode.ExtensionContext, starter: ServerStarter): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('fragments.newFragment', async () => {
      // Templates come from the schema of the folder being worked in, so a team's own templates are offered.
      const folder = activeFileFolder() ?? currentFolder();
      const server = await starter.forCommand(l10n.t('New Fragment…'));
      if (!server) return;
      const templates = await server.client.sendRequest<TemplateChoice[]>(SchemaRequests.templates, { folderUri: folder?.toString() });
      const picked = await vscode.window.showQuickPick(
        templates.map((template) => ({ label: template.name, detail: template.description, template })),
        { title: l10n.t('New Fragment'), placeHolder: l10n.t('Choose a template for the new record') },
      );
      if (!picked) return;
      const target = await vscode.window.showSaveDialog({
        title: l10n.t('New Fragment: where to save the new record'),
        saveLabel: l10n.t('Create'),
        defaultUri: folder && (await freeName(folder)),
        filters: { [l10n.t('Fragment files')]: ['fragment'] },
      });
      if (!target) return;
      await vscode.workspace.fs.writeFile(target, new Uint8Array());
      const editor = await vscode.window.showTextDocument(target);
      if (editor.document.languageId !== 'fragment') await vscode.languages.setTextDocumentLanguage(editor.document, 'fragment');
      // Replaces whatever the file held (the dialog has already asked before replacing an existing file).
      const whole = editor.document.validateRange(new vscode.Range(0, 0, editor.document.lineCount, 0));
      await editor.insertSnippet(new vscode.SnippetString(picked.template.snippet), whole);
    }),
  );
}

/** The folder of the file being edited, so a new record lands next to the records open now. */
function activeFileFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return active?.scheme === 'file' ? vscode.Uri.joinPath(active, '..') : undefined;
}

/** `new-record.fragment` in the folder, or `new-record-2.fragment`, … when that exists. */
async function freeName(folder: vscode.Uri): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(folder, n === 1 ? 'new-record.fragment' : `new-record-${n}.fragment`);
    if (n >= 100 || !(await exists(candidate))) return candidate;
  }
}
