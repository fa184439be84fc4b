// The in-editor suite for desktop VS Code (run by test/electron/runTest.ts): checks the
// extension through the `vscode` API in a real extension host. A tiny runner with
// node:assert keeps dependencies light; it prints "N passed, N failed" and rejects on any
// failure.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

const workspace = process.env.FRAGMENT_TEST_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
const extensionId = 'fragment-tools.fragment-language-support';
const checks: Array<[string, () => Promise<void>]> = [];
const check = (name: string, fn: () => Promise<void>) => checks.push([name, fn]);

async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(join(workspace, name)));
  await vscode.window.showTextDocument(doc);
  return doc;
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeout = 20_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function fragmentDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'fragments');
}

const code = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

check('the extension is installed and activates', async () => {
  const ext = vscode.extensions.getExtension(extensionId);
  assert.ok(ext, `${extensionId} is not loaded`);
  await ext.activate();
  assert.equal(ext.isActive, true);
});

check('a .fragment file gets language fragment and the planted errors', async () => {
  const doc = await open('planted.fragment');
  assert.equal(doc.languageId, 'fragment');
  const diags = await until('diagnostics on planted.fragment', () => {
    const d = fragmentDiagnostics(doc.uri);
    return d.length >= 2 ? d : undefined;
  });
  const invalid = diags.find((d) => code(d) === 'invalid-value');
  assert.ok(invalid, 'no invalid-value diagnostic');
  assert.equal(invalid.severity, vscode.DiagnosticSeverity.Error);
  assert.match(invalid.message, /medium/);
  assert.ok(diags.some((d) => code(d) === 'missing-field' && /Scale/.test(d.message)), 'no missing-field for Scale');
});

check('a .txt record is switched to fragment by content, and the structured seeds are clean', async () => {
  for (const prefix of ['000_', '001_']) {
    const name = readdirSync(workspace).find((f) => f.startsWith(prefix));
    assert.ok(name, `no ${prefix} seed in the workspace`);
    const doc = await open(name);
    const switched = await until(`${name} to become fragment`, () =>
      vscode.window.activeTextEditor?.document.languageId === 'fragment' ? vscode.window.activeTextEditor.document : undefined,
    );
    // Give the server a moment to publish, proven by an edit round trip.
    const editor = vscode.window.activeTextEditor!;
    const end = switched.lineAt(switched.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, '\n**Scale**: Nowhere'));
    await until('the planted error', () => (fragmentDiagnostics(doc.uri).some((d) => /Nowhere/.test(d.message)) ? true : undefined));
    await vscode.commands.executeCommand('undo');
    const bad = await until('the seed to be clean again', () => {
      const d = fragmentDiagnostics(switched.uri);
      return d.some((x) => /Nowhere/.test(x.message)) ? undefined : d;
    });
    const serious = bad.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(serious.map((d) => d.message), [], `${name} has errors or warnings`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
});

check('completion after **Scale**: lists the allowed values', async () => {
  const doc = await open('completion.fragment');
  const editor = vscode.window.activeTextEditor!;
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  await editor.edit((b) => b.insert(end, '\n**Scale**: '));
  const pos = doc.lineAt(doc.lineCount - 1).range.end;
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
  const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
  for (const v of ['Local', 'Regional', 'National', 'International', 'Global']) assert.ok(labels.includes(v), `no ${v} in ${labels}`);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});

check('a quick fix turns "meduim" into "medium"', async () => {
  const doc = await open('quick-fix.fragment');
  const diag = await until('the invalid-value diagnostic', () => fragmentDiagnostics(doc.uri).find((d) => code(d) === 'invalid-value'));
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range);
  const fix = actions.find((a) => a.kind?.contains(vscode.CodeActionKind.QuickFix) && a.edit && /medium/.test(a.title));
  assert.ok(fix?.edit, `no quick fix to medium among: ${actions.map((a) => a.title)}`);
  await vscode.workspace.applyEdit(fix.edit);
  assert.match(doc.lineAt(diag.range.start.line).text, /^\*\*Rating significance\*\*: medium$/);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});

check('every command in the manifest is registered once the extension is active', async () => {
  const ext = vscode.extensions.getExtension(extensionId)!;
  await ext.activate();
  const contributed: Array<{ command: string }> = ext.packageJSON.contributes?.commands ?? [];
  const registered = new Set(await vscode.commands.getCommands(true));
  const missing = contributed.map((c) => c.command).filter((id) => !registered.has(id));
  assert.deepEqual(missing, [], 'contributed but not registered (the palette would say "command not found")');
});

check('fragments.restartServer is registered, and diagnostics come back after a restart', async () => {
  const commands = await vscode.commands.getCommands(true);
  assert.ok(commands.includes('fragments.restartServer'));
  const doc = await open('planted.fragment');
  await vscode.commands.executeCommand('fragments.restartServer');
  const editor = vscode.window.activeTextEditor!;
  await editor.edit((b) => b.insert(doc.lineAt(doc.lineCount - 1).range.end, '\n**Scale**: Locality'));
  await until('a diagnostic for Locality', () => (fragmentDiagnostics(doc.uri).some((d) => /Locality/.test(d.message)) ? true : undefined));
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});

export async function run(): Promise<void> {
  let passed = 0;
  const failed: string[] = [];
  for (const [name, fn] of checks) {
    try {
      await fn();
      passed++;
      console.log(`ok - ${name}`);
    } catch (error) {
      failed.push(name);
      console.error(`not ok - ${name}\n  ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
  console.log(`${passed} passed, ${failed.length} failed`);
  if (failed.length) throw new Error(`${failed.length} in-editor check(s) failed: ${failed.join('; ')}`);
}
