/** The folder the user is working in: the active file's workspace folder, else the first workspace folder. */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

export function currentFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  return folder?.uri;
}

/** A workspace folder, asking only when there are several. */
export async function pickWorkspaceFolder(purpose: string): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showWarningMessage(l10n.t('Open a folder first: {0}', purpose));
    return undefined;
  }
  if (folders.length === 1) return folders[0].uri;
  return (await vscode.window.showWorkspaceFolderPick({ placeHolder: purpose }))?.uri;
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Writes a new file and opens it; an existing file is replaced only when the user says so. */
export async function writeNewFile(target: vscode.Uri, text: string): Promise<boolean> {
  if (await exists(target)) {
    const replace = l10n.t('Replace');
    const openExisting = l10n.t('Open Existing');
    const choice = await vscode.window.showWarningMessage(
      l10n.t('{0} already exists.', vscode.workspace.asRelativePath(target)),
      { modal: true, detail: l10n.t('Replace it, or open the existing file and leave it as it is?') },
      replace,
      openExisting,
    );
    if (choice === openExisting) await vscode.window.showTextDocument(target);
    if (choice !== replace) return false;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(target);
  return true;
}
