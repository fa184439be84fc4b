/**
 * The `fragments.schema` setting as the extension may use it. It names a file anywhere on disk, so in Restricted
 * Mode (an untrusted workspace) only the person's own value counts, never the workspace's: a downloaded folder must
 * not point the checker at a file of its choosing. (package.json lists the setting in `restrictedConfigurations`,
 * so VS Code does the same; this does not depend on it.) Team schemas found next to the files
 * (`fragment.schema.json`) still apply there: they are data, read by bounded code that runs nothing.
 */
import * as vscode from 'vscode';

export function schemaSetting(scope?: vscode.Uri): string {
  const configuration = vscode.workspace.getConfiguration('fragments', scope);
  if (vscode.workspace.isTrusted) return configuration.get<string>('schema', '');
  const inspected = configuration.inspect<string>('schema');
  return inspected?.globalValue ?? inspected?.defaultValue ?? '';
}
