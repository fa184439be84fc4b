/**
 * Tab and Shift+Tab between fields. Inside a template VS Code's own snippet jump moves the cursor; outside one,
 * `fragments.nextField` and `fragments.previousField` go to the end of the next (previous) field's value, so one Tab
 * per field still reaches every field in order. In a fragment a tab character has no use (an indented line is no
 * longer a field), so Tab keeps moving through the record instead of typing one. Past the last field, Tab and
 * Shift+Tab do what they do everywhere else.
 *
 * Either way, when Tab lands on an empty value, the value list opens by itself (`fragments.openValueList`, run after
 * the move by the keybindings in package.json): the server's completion decides what is listed, and for a free-text
 * field it lists nothing, so nothing opens. A list opened this way chooses nothing: Enter takes the highlighted value;
 * Tab (or Shift+Tab) closes the list, leaves the value empty and moves on, instead of VS Code's usual "Tab takes the
 * highlighted suggestion". Once the person types, the list is theirs and behaves as VS Code's always does.
 */
import * as vscode from 'vscode';
// The field line as the parser reads it (a small module without imports).
import { fieldValueStart } from '../../../server/src/core/grammar';

/**
 * Context key, true from the moment Tab opens a value list until the document changes (the person typed or took a
 * value) or another document is shown: the keybindings then let Tab skip any list on screen. It is not cleared by
 * moving, only by an edit: with Tabs faster than the extension host answers, the request to open a list can arrive
 * after the cursor has gone on, and that late list must not be one Tab takes a value from either.
 */
const LIST_OPENED_BY_TAB = 'fragments.valueListOpenedByTab';

/** Where the list was opened: a change to that document after this version means the person did something. */
let opened: { uri: string; version: number } | undefined;

export function registerNextField(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerTextEditorCommand('fragments.nextField', (editor) => moveToField(editor, 1, 'tab')),
    vscode.commands.registerTextEditorCommand('fragments.previousField', (editor) => moveToField(editor, -1, 'outdent')),
    vscode.commands.registerTextEditorCommand('fragments.openValueList', (editor) => openValueList(editor)),
    // Versions only grow: a change event older than the opening (still in flight when it opened) cannot clear it.
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (opened && event.contentChanges.length > 0 && event.document.uri.toString() === opened.uri && event.document.version > opened.version) {
        forget();
      }
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (opened && editor?.document.uri.toString() !== opened.uri) forget();
    }),
  );
}

async function moveToField(editor: vscode.TextEditor, direction: 1 | -1, otherwise: string): Promise<void> {
  const { document } = editor;
  for (let line = editor.selection.active.line + direction; line >= 0 && line < document.lineCount; line += direction) {
    if (fieldValueStart(document.lineAt(line).text) < 0) continue;
    const end = valueEnd(document, line);
    editor.selection = new vscode.Selection(end, end);
    editor.revealRange(new vscode.Range(end, end));
    await openValueList(editor);
    return;
  }
  await vscode.commands.executeCommand(otherwise);
}

/**
 * Opens the value list when the cursor is alone at an empty value (`**Key**:` and at most spaces, nothing after the
 * cursor). `auto` makes VS Code show nothing, not "No suggestions", when the server lists nothing for the field.
 */
async function openValueList(editor: vscode.TextEditor): Promise<void> {
  const { document, selections } = editor;
  const cursor = selections[0].active;
  const text = document.lineAt(cursor.line).text;
  const valueStart = fieldValueStart(text);
  const atEmptyValue =
    selections.length === 1 &&
    selections[0].isEmpty &&
    valueStart >= 0 &&
    cursor.character >= valueStart &&
    text.slice(cursor.character).trim() === '' &&
    text.slice(valueStart, cursor.character).trim() === '';
  if (!atEmptyValue) return;
  // The key is set before the list can open, so the first Tab on the list already skips it.
  const version = document.version;
  opened = { uri: document.uri.toString(), version };
  await vscode.commands.executeCommand('setContext', LIST_OPENED_BY_TAB, true);
  // The person may have moved on or typed meanwhile: then there is nothing to open here.
  if (editor.selections.length !== 1 || !editor.selection.active.isEqual(cursor) || document.version !== version) return;
  await vscode.commands.executeCommand('editor.action.triggerSuggest', { auto: true });
}

function forget(): void {
  if (!opened) return;
  opened = undefined;
  void vscode.commands.executeCommand('setContext', LIST_OPENED_BY_TAB, false);
}

/** The end of the field's value: the end of its last continuation line (blank lines after it left out). */
function valueEnd(document: vscode.TextDocument, fieldLine: number): vscode.Position {
  let last = fieldLine;
  for (let line = fieldLine + 1; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    if (fieldValueStart(text) >= 0) break;
    if (text.trim() !== '') last = line;
  }
  return document.lineAt(last).range.end;
}
