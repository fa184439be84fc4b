/**
 * Sends the text of open fragment.schema.json files to the server as they are edited, so a schema change applies to
 * open fragments before it is saved. (Not through the client's document selector: that would register the fragment
 * formatter and other features for JSON files, next to VS Code's own.)
 */
import * as vscode from 'vscode';
import { SCHEMA_TEXT_NOTIFICATION, type SchemaTextParams } from '../../server/src/schemas/protocol';
import type { ServerStarter } from './server-starter';

export function isSchemaFile(document: vscode.TextDocument): boolean {
  if (document.uri.scheme !== 'file') return false;
  if (/[\\/]fragment\.schema\.json$/i.test(document.fileName)) return true;
  const setting = vscode.workspace.getConfiguration('fragments', document.uri).get<string>('schema', '').trim();
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
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((document) => send(document, document.getText())),
    vscode.workspace.onDidChangeTextDocument(({ document }) => send(document, document.getText())),
    vscode.workspace.onDidCloseTextDocument((document) => send(document, null)),
  );
  starter.onClientCreated((client) => [client.onDidChangeState(sendOpen)]); // after a (re)start the server knows no edits yet
}
