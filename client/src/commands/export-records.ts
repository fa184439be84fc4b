/**
 * "Fragments: Export Records to Spreadsheet…": asks where to save (a save dialog; it asks before replacing a file),
 * then runs the extension's own `fragment-lint export` (dist/cli.js) on the workspace folder, so the sheet is the one
 * the command line writes. "Fragments: Import Records from Spreadsheet…" asks for a sheet and a folder and runs
 * `fragment-lint import` (never replacing a file). Run as a separate Node process: the spreadsheet code never loads
 * into the editor.
 */
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import { pickWorkspaceFolder } from './folders';
import { EXPORT_RECORDS_COMMAND, IMPORT_RECORDS_COMMAND } from './spreadsheet-commands';

export { EXPORT_RECORDS_COMMAND, IMPORT_RECORDS_COMMAND };

export function registerExportRecords(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(EXPORT_RECORDS_COMMAND, async () => {
      const folder = await pickWorkspaceFolder('export the records of which folder?');
      if (!folder) return;
      if (folder.scheme !== 'file') {
        void vscode.window.showWarningMessage('Export Records works on folders on this computer only.');
        return;
      }
      const target = await vscode.window.showSaveDialog({
        title: 'Export Records to Spreadsheet',
        saveLabel: 'Export',
        defaultUri: vscode.Uri.joinPath(folder, 'records.xlsx'),
        filters: { 'Excel workbook': ['xlsx'], 'CSV (comma-separated values)': ['csv'] },
      });
      if (!target) return;
      const where = vscode.workspace.asRelativePath(target);
      const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Exporting the records to ${where}…` }, () =>
        // --force: the save dialog has already asked before replacing an existing file.
        runCli(context, folder.fsPath, ['export', '--force', '--to', target.fsPath, folder.fsPath]),
      );
      const lines = result.stderr.trim().split('\n').filter((line) => line !== '');
      const summary = lines.find((line) => line.startsWith('Exported ')) ?? '';
      const notes = lines.filter((line) => line !== summary).map((line) => line.replace(/^fragment-lint: /, ''));
      if (result.code === 0 && notes.length === 0) void vscode.window.showInformationMessage(summary);
      else if (summary) void vscode.window.showWarningMessage(`${summary} ${notes.join(' ')}`);
      else void vscode.window.showErrorMessage(`The records could not be exported: ${notes.join(' ') || `fragment-lint stopped (${result.code}).`}`);
    }),
    vscode.commands.registerCommand(IMPORT_RECORDS_COMMAND, async () => {
      const folder = await pickWorkspaceFolder('import the records into which folder?');
      if (!folder) return;
      const [sheet] =
        (await vscode.window.showOpenDialog({
          title: 'Import Records from Spreadsheet',
          openLabel: 'Import',
          defaultUri: folder,
          filters: { 'Spreadsheet (XLSX or CSV)': ['xlsx', 'csv'] },
        })) ?? [];
      if (!sheet) return;
      const [out] =
        (await vscode.window.showOpenDialog({ title: 'Folder for the fragment files (one per row)', openLabel: 'Write Files Here', defaultUri: folder, canSelectFiles: false, canSelectFolders: true })) ?? [];
      if (!out || sheet.scheme !== 'file' || out.scheme !== 'file') return;
      const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Importing ${vscode.workspace.asRelativePath(sheet)}…` }, () =>
        runCli(context, folder.fsPath, ['import', sheet.fsPath, '--out', out.fsPath]),
      );
      const lines = result.stderr.trim().split('\n').filter((line) => line !== '');
      const summary = lines.find((line) => line.startsWith('Wrote ')) ?? '';
      const rest = lines.filter((line) => line !== summary).map((line) => line.replace(/^fragment-lint: /, ''));
      if (!summary) {
        // The sheet could not be read as records (headers that do not match, formulas without a value): nothing written.
        void vscode.window.showErrorMessage('The sheet was not imported.', { modal: true, detail: rest.join('\n') });
      } else {
        const problems = result.code === 0 ? '' : ' Some files have problems: they are listed in the Problems panel as you open them, or run Fragments: Check Workspace.';
        const message = `${summary}${problems}`;
        if (rest.length > 0) void vscode.window.showWarningMessage(message, { modal: true, detail: rest.join('\n') });
        else void vscode.window.showInformationMessage(message);
      }
    }),
  );
}

function runCli(context: vscode.ExtensionContext, cwd: string, args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    // The editor's own executable runs as plain Node with ELECTRON_RUN_AS_NODE (code-server's is Node already).
    execFile(process.execPath, [context.asAbsolutePath('dist/cli.js'), ...args], { cwd, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', NO_COLOR: '1' }, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : 2) : 0;
      resolve({ code, stderr: error && !stderr ? error.message : stderr });
    });
  });
}
