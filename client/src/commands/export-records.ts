/**
 * "Fragments: Export Records to Spreadsheet…": asks where to save (a save dialog; it asks before replacing a file),
 * then runs the extension's own `fragment-lint export` (dist/cli.js) on the workspace folder, so the sheet is the one
 * the command line writes. "Fragments: Import Records from Spreadsheet…" asks for a sheet and a folder and runs
 * `fragment-lint import` (never replacing a file). Run as a separate Node process: the spreadsheet code never loads
 * into the editor.
 */
import { execFile } from 'node:child_process';
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { messageLanguage } from '../l10n';
import { pickWorkspaceFolder } from './folders';
import { EXPORT_RECORDS_COMMAND, IMPORT_RECORDS_COMMAND } from './spreadsheet-commands';

export { EXPORT_RECORDS_COMMAND, IMPORT_RECORDS_COMMAND };

export function registerExportRecords(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(EXPORT_RECORDS_COMMAND, async () => {
      const folder = await pickWorkspaceFolder(l10n.t('export the records of which folder?'));
      if (!folder) return;
      if (folder.scheme !== 'file') {
        void vscode.window.showWarningMessage(l10n.t('Export Records works on folders on this computer only.'));
        return;
      }
      const target = await vscode.window.showSaveDialog({
        title: l10n.t('Export Records to Spreadsheet'),
        saveLabel: l10n.t('Export'),
        defaultUri: vscode.Uri.joinPath(folder, 'records.xlsx'),
        filters: { [l10n.t('Excel workbook')]: ['xlsx'], [l10n.t('CSV (comma-separated values)')]: ['csv'] },
      });
      if (!target) return;
      const where = vscode.workspace.asRelativePath(target);
      const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: l10n.t('Exporting the records to {0}…', where) }, () =>
        // --force: the save dialog has already asked before replacing an existing file.
        runCli(context, folder.fsPath, ['export', '--force', '--to', target.fsPath, folder.fsPath]),
      );
      const lines = result.stderr.trim().split('\n').filter((line) => line !== '');
      const summary = summaryLine(lines);
      const notes = lines.filter((line) => line !== summary).map((line) => line.replace(/^fragment-lint: /, ''));
      if (result.code === 0 && notes.length === 0) void vscode.window.showInformationMessage(summary);
      else if (summary) void vscode.window.showWarningMessage(`${summary} ${notes.join(' ')}`);
      else void vscode.window.showErrorMessage(l10n.t('The records could not be exported: {0}', notes.join(' ') || l10n.t('fragment-lint stopped ({0}).', result.code)));
    }),
    vscode.commands.registerCommand(IMPORT_RECORDS_COMMAND, async () => {
      const folder = await pickWorkspaceFolder(l10n.t('import the records into which folder?'));
      if (!folder) return;
      const [sheet] =
        (await vscode.window.showOpenDialog({
          title: l10n.t('Import Records from Spreadsheet'),
          openLabel: l10n.t('Import'),
          defaultUri: folder,
          filters: { [l10n.t('Spreadsheet (XLSX or CSV)')]: ['xlsx', 'csv'] },
        })) ?? [];
      if (!sheet) return;
      const [out] =
        (await vscode.window.showOpenDialog({ title: l10n.t('Folder for the fragment files (one per row)'), openLabel: l10n.t('Write Files Here'), defaultUri: folder, canSelectFiles: false, canSelectFolders: true })) ?? [];
      if (!out || sheet.scheme !== 'file' || out.scheme !== 'file') return;
      const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: l10n.t('Importing {0}…', vscode.workspace.asRelativePath(sheet)) }, () =>
        runCli(context, folder.fsPath, ['import', sheet.fsPath, '--out', out.fsPath]),
      );
      const lines = result.stderr.trim().split('\n').filter((line) => line !== '');
      const summary = summaryLine(lines);
      const rest = lines.filter((line) => line !== summary).map((line) => line.replace(/^fragment-lint: /, ''));
      if (!summary) {
        // The sheet could not be read as records (headers that do not match, formulas without a value): nothing written.
        void vscode.window.showErrorMessage(l10n.t('The sheet was not imported.'), { modal: true, detail: rest.join('\n') });
      } else {
        const problems = l10n.t('Some files have problems: they are listed in the Problems panel as you open them, or run Fragments: Check Workspace.');
        const message = result.code === 0 ? summary : `${summary} ${problems}`;
        if (rest.length > 0) void vscode.window.showWarningMessage(message, { modal: true, detail: rest.join('\n') });
        else void vscode.window.showInformationMessage(message);
      }
    }),
  );
}

/**
 * The CLI's closing line ("Exported 3 records…", "Wrote 3 fragment files…"), in whatever language it wrote it: the
 * last line, when it is not a note (those start with `fragment-lint:`) nor part of a list (indented). Empty when the
 * command stopped before writing anything.
 */
function summaryLine(lines: readonly string[]): string {
  const last = lines.at(-1) ?? '';
  return last.startsWith('fragment-lint:') || /^\s/.test(last) ? '' : last;
}

/**
 * Runs dist/cli.js. Its messages come back in the extension's language: LC_MESSAGES is the variable fragment-lint
 * reads for its language, and LC_ALL would override it, so LC_ALL's value moves to LANG for the other categories.
 */
function runCli(context: vscode.ExtensionContext, cwd: string, args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    // The editor's own executable runs as plain Node with ELECTRON_RUN_AS_NODE (code-server's is Node already).
    execFile(process.execPath, [context.asAbsolutePath('dist/cli.js'), ...args], { cwd, env: cliEnvironment(), maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : 2) : 0;
      resolve({ code, stderr: error && !stderr ? error.message : stderr });
    });
  });
}

function cliEnvironment(): NodeJS.ProcessEnv {
  const { LC_ALL, ...environment } = process.env;
  return { ...environment, ...(LC_ALL ? { LANG: LC_ALL } : {}), LC_MESSAGES: messageLanguage(), ELECTRON_RUN_AS_NODE: '1', NO_COLOR: '1' };
}
