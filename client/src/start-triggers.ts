/**
 * When the language server is needed without a command asking for it: a fragment document is open or opens (one
 * detected by its first line too: its language changes, which VS Code reports as a new open), or a team schema
 * (fragment.schema.json) is in the workspace, appears there, or opens.
 */
import * as vscode from 'vscode';
import { isSchemaFile } from './schema-sync';
import type { ServerStarter } from './server-starter';

const SCHEMA_GLOB = '**/fragment.schema.json';

export function startServerWhenNeeded(context: vscode.ExtensionContext, starter: ServerStarter): void {
  const consider = (document: vscode.TextDocument) => {
    if (starter.requested) return;
    if (document.languageId === 'fragment') starter.startInBackground(`${vscode.workspace.asRelativePath(document.uri)} is a fragment`);
    else if (isSchemaFile(document)) starter.startInBackground(`the schema ${vscode.workspace.asRelativePath(document.uri)} was opened`);
  };
  const lookForSchema = async () => {
    if (starter.requested || !vscode.workspace.workspaceFolders?.length) return;
    const [schema] = await vscode.workspace.findFiles(SCHEMA_GLOB, '**/node_modules/**', 1);
    if (schema) starter.startInBackground(`the workspace has a schema, ${vscode.workspace.asRelativePath(schema)}`);
  };
  const watcher = vscode.workspace.createFileSystemWatcher(SCHEMA_GLOB, false, true, true);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(consider),
    watcher,
    watcher.onDidCreate((schema) => starter.startInBackground(`a schema was created, ${vscode.workspace.asRelativePath(schema)}`)),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void lookForSchema()),
  );
  vscode.workspace.textDocuments.forEach(consider);
  void lookForSchema();
}
