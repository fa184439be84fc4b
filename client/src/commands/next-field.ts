/**
 * Tab and Shift+Tab between fields, once no template's tab stops are active: the cursor goes to the end of the next
 * (previous) field's value, so one Tab per field still reaches every field in order. In a fragment a tab character
 * has no use (an indented line is no longer a field), so Tab keeps moving through the record instead of typing one.
 * Bound in package.json only outside snippet mode and with no suggestion list open; past the last field, Tab and
 * Shift+Tab do what they do everywhere else.
 */
import * as vscode from 'vscode';

/** A line that starts a field: `**Key**:` (the parser's shape; a byte-order mark may come first). */
const FIELD_LINE = /^\uFEFF?\*\*[^*\r\n]{1,200}?\*\*:/;

export function registerNextField(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerTextEditorCommand('fragments.nextField', (editor) => moveToField(editor, 1, 'tab')),
    vscode.commands.registerTextEditorCommand('fragments.previousField', (editor) => moveToField(editor, -1, 'outdent')),
  );
}

function moveToField(editor: vscode.TextEditor, direction: 1 | -1, otherwise: string): void {
  const { document } = editor;
  for (let line = editor.selection.active.line + direction; line >= 0 && line < document.lineCount; line += direction) {
    if (!FIELD_LINE.test(document.lineAt(line).text)) continue;
    const end = valueEnd(document, line);
    editor.selection = new vscode.Selection(end, end);
    editor.revealRange(new vscode.Range(end, end));
    return;
  }
  void vscode.commands.executeCommand(otherwise);
}

/** The end of the field's value: the end of its last continuation line (blank lines after it left out). */
function valueEnd(document: vscode.TextDocument, fieldLine: number): vscode.Position {
  let last = fieldLine;
  for (let line = fieldLine + 1; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    if (FIELD_LINE.test(text)) break;
    if (text.trim() !== '') last = line;
  }
  return document.lineAt(last).range.end;
}
