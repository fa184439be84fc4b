/**
 * Sends the text of open fragment.schema.json files to the server as they are edited, so a schema change applies to
 * open fragments before it is saved. (Not through the client's document selector: that would register the fragment
 * formatter and other features for JSON files, next to VS Code's own.)
 */
import * as vscode from 'vscode';
import { SCHEMA_TEXT_NOTIFICATION, type SchemaTextParams } from '../../server/src/schemas/protocol';
import { schemaSetting } from './schema-setting';
import type { ServerStarter } from './server-starter';

export function isSchemaFile(document: vscode.TextDocument): boolean {
  if (document.uri.scheme !== 'file') return false;
  if (/[\\/]fragment\.schema\.json$/i.test(document.fileName)) return true;
  const setting = schemaSetting(document.uri).trim();
  return setting !== '' && document.fileName.replace(/\\/g, '/').endsWith(setting.replace(/\\/g, '/').replace(/^\.\//, ''));
}

export function registerSchemaSync(context: vscode.ExtensionContext, starter: ServerStarter): void {
  const send = (document: vscode.TextDocument, text: string | null) => {
    const client = starter.running; // not started yet: the server reads open schemas when it starts (sendOpen)
    if (!client || !isSchemaFile(document)) return;
    const params: SchemaTextParams = { uri: document.uri.toString(), text };
    void client.sendNotification(SCHEMA_TEXT_NOTIFICATION, params).catch(() => undefined);
  };
  const sendOpen = () => vscode.workspace.textDocuments.forEach((document) => send(document, document.getText()));
  // A deleted or renamed schema file stops applying at once, though VS Code keeps its editor (and text) open.
  const deleted = vscode.workspace.createFileSystemWatcher('**/fragment.schema.json', true, true, false);
  const gone = (uri: vscode.Uri) => vscode.workspace.textDocuments.filter((d) => d.uri.toString() === uri.toString()).forEach((d) => send(d, null));
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((document) => send(document, document.getText())),
    vscode.workspace.onDidChangeTextDocument(({ document }) => send(document, document.getText())),
    vscode.workspace.onDidCloseTextDocument((document) => send(document, null)),
    deleted,
    deleted.onDidDelete(gone),
    vscode.workspace.onDidRenameFiles(({ files }) => files.forEach(({ oldUri }) => gone(oldUri))),
  );
  starter.onClientCreated((client) => [client.onDidChangeState(sendOpen)]); // after a (re)start the server knows no edits yet
}
