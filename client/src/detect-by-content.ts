/** Switches a plain-text or Markdown document to `fragment` when its first non-empty line is a FragmentID field. */
import * as vscode from 'vscode';
// The one definition, shared with the language server's workspace walk and fragment-lint (a small pure module).
import { startsWithFragmentId } from '../../server/src/core/fragment-file';

export function looksLikeFragment(document: vscode.TextDocument): boolean {
  return startsWithFragmentId((line) => (line < document.lineCount ? document.lineAt(line).text : undefined));
}

export function registerDetectByContent(context: vscode.ExtensionContext): void {
  const consider = (document: vscode.TextDocument) => {
    if (document.languageId !== 'plaintext' && document.languageId !== 'markdown') return;
    if (!vscode.workspace.getConfiguration('fragments', document).get<boolean>('detectByContent', true)) return;
    if (looksLikeFragment(document)) void vscode.languages.setTextDocumentLanguage(document, 'fragment');
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(consider));
  vscode.workspace.textDocuments.forEach(consider);
}
