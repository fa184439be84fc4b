/** Switches a plain-text or Markdown document to `fragment` when its first non-empty line is a FragmentID field. */
import * as vscode from 'vscode';

const FIRST_FIELD = /^\uFEFF?\*\*FragmentID\s*\*\*:/;
/** Only the top of a document is read: a fragment says what it is in its first line. */
const LINES_EXAMINED = 50;

export function looksLikeFragment(document: vscode.TextDocument): boolean {
  const last = Math.min(document.lineCount, LINES_EXAMINED);
  for (let line = 0; line < last; line++) {
    const text = document.lineAt(line).text;
    if (text.trim() === '') continue;
    return FIRST_FIELD.test(text);
  }
  return false;
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
