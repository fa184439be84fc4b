/**
 * "Fragments: Show Records Table": a webview of every record of the workspace (or of one file), with its values and
 * problems, from the server's `fragments/records`. It asks again when the server says fragment files changed
 * (`fragments/recordsChanged`, sent once edits settle). The webview keeps its sort and filters with setState, so
 * it needs no retainContextWhenHidden: when shown again it asks for the records afresh.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { RECORDS_CHANGED_NOTIFICATION, RECORDS_REQUEST, type RecordsParams, type RecordsResult } from '../../../server/src/records/protocol';
import type { ServerStarter, StartedServer } from '../server-starter';
import { messageLanguage, onDidChangeLocale } from '../l10n';
import { textDirection } from '../languages';
import type { FromWebview, Scope, ToWebview } from './messages';
import { webviewStrings } from './strings';

export const SHOW_RECORDS_TABLE_COMMAND = 'fragments.showRecordsTable';
/** The only folder the webview may load from: its script and style, built by scripts/build.mjs. */
const WEBVIEW_FOLDER = ['dist', 'webview'];

export function registerRecordsTable(context: vscode.ExtensionContext, starter: ServerStarter): void {
  let table: RecordsTable | undefined;
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_RECORDS_TABLE_COMMAND, async (resource?: vscode.Uri) => {
      const fileUri = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
      const server = await starter.forCommand(l10n.t('Show Records Table'));
      if (!server) return;
      if (table) {
        table.show(fileUri);
        return;
      }
      table = new RecordsTable(context, server, fileUri);
      table.onDidDispose(() => (table = undefined));
    }),
  );
}

class RecordsTable {
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private scope: Scope;
  private fileUri: vscode.Uri | undefined;
  private pending: vscode.CancellationTokenSource | undefined;
  /** Files changed while the table was hidden: it asks again when shown. */
  private stale = false;

  constructor(
    context: vscode.ExtensionContext,
    private readonly server: StartedServer,
    fileUri: vscode.Uri | undefined,
  ) {
    this.fileUri = fileUri;
    this.scope = vscode.workspace.workspaceFolders?.length || !fileUri ? 'workspace' : 'file';
    const root = vscode.Uri.joinPath(context.extensionUri, ...WEBVIEW_FOLDER);
    this.panel = vscode.window.createWebviewPanel('fragments.recordsTable', l10n.t('Records'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [root],
    });
    this.panel.webview.html = pageHtml(this.panel.webview, root);
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((message: FromWebview) => this.received(message)),
      this.panel.onDidChangeViewState(() => {
        if (this.panel.visible && this.stale) void this.refresh();
      }),
      // The page again in the new language; it keeps its sort and filters (setState) and asks for the records anew.
      onDidChangeLocale(() => {
        this.panel.title = l10n.t('Records');
        this.panel.webview.html = pageHtml(this.panel.webview, root);
      }),
      server.client.onNotification(RECORDS_CHANGED_NOTIFICATION, () => {
        if (this.panel.visible) void this.refresh();
        else this.stale = true;
      }),
    );
    this.panel.onDidDispose(() => {
      this.pending?.cancel();
      for (const disposable of this.disposables) disposable.dispose();
    });
  }

  onDidDispose(listener: () => void): void {
    this.panel.onDidDispose(listener);
  }

  show(fileUri: vscode.Uri | undefined): void {
    if (fileUri) this.fileUri = fileUri;
    this.panel.reveal();
    void this.refresh();
  }

  private received(message: FromWebview): void {
    switch (message.type) {
      case 'ready':
        void this.refresh();
        break;
      case 'scope':
        this.scope = message.scope === 'file' && this.fileUri ? 'file' : 'workspace';
        void this.refresh();
        break;
      case 'open':
        void this.open(message.uri, message.line, message.character);
        break;
    }
  }

  private async open(uri: string, line: number, character: number): Promise<void> {
    const position = new vscode.Position(line, character);
    try {
      await vscode.window.showTextDocument(vscode.Uri.parse(uri), { viewColumn: vscode.ViewColumn.Beside, selection: new vscode.Range(position, position) });
    } catch (error) {
      void vscode.window.showErrorMessage(l10n.t('The record could not be opened: {0}', error instanceof Error ? error.message : String(error)));
    }
  }

  private async refresh(): Promise<void> {
    this.stale = false;
    this.pending?.cancel();
    this.pending?.dispose();
    const cancellation = new vscode.CancellationTokenSource();
    this.pending = cancellation;
    const params: RecordsParams = this.scope === 'file' && this.fileUri ? { uri: this.fileUri.toString() } : {};
    void this.post({ type: 'loading' });
    try {
      const result = await this.server.client.sendRequest<RecordsResult>(RECORDS_REQUEST, params, cancellation.token);
      if (cancellation.token.isCancellationRequested) return;
      const fileName = this.fileUri ? vscode.workspace.asRelativePath(this.fileUri) : undefined;
      void this.post({ type: 'records', result, scope: this.scope, fileName, workspace: Boolean(vscode.workspace.workspaceFolders?.length) });
    } catch (error) {
      if (cancellation.token.isCancellationRequested) return;
      void this.post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  private post(message: ToWebview): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }
}

/**
 * The page: a strict Content-Security-Policy (no inline script or style, nothing remote), its script run by nonce.
 * Its words come translated as JSON data (never run: the policy allows no inline script), `<` escaped so no text can
 * end the element; `lang` and `dir` make Arabic read from right to left.
 */
function pageHtml(webview: vscode.Webview, root: vscode.Uri): string {
  // Web Crypto: the same in VS Code's Node host and in the browser's web worker host.
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const script = webview.asWebviewUri(vscode.Uri.joinPath(root, 'records-table.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(root, 'records-table.css'));
  const csp = `default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource}; script-src 'nonce-${nonce}';`;
  const language = messageLanguage();
  const strings = webviewStrings();
  const data = JSON.stringify(strings).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(language)}" dir="${textDirection(language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>${escapeHtml(strings.records)}</title>
</head>
<body>
<script type="application/json" id="strings">${data}</script>
<main id="app" aria-busy="true"><p>${escapeHtml(strings.loading)}</p></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}
