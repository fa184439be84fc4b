// End-to-end: the language server starts only when it is needed, in a real VS Code (code-server + headless chromium).
// The extension activates for every plain-text file, to look for fragments among them; a plain .txt that is not a
// fragment must not load the language client nor start a server process. A .txt record opened afterwards (detected
// by its first line) starts the server, and its problems are shown.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { outputChannelText, serverProcesses, waitFor } from './support/extension-host';
import { startSession, type Session } from './support/session';
import type { Workbench } from './support/workbench';
import { withField } from '../support/fixtures';

const base = mkdtempSync(join(tmpdir(), 'fragment-e2e-lazy-'));
const workspace = join(base, 'workspace');
const sessionDir = join(base, 'session');
let session: Session | undefined;
let page: Page;
let wb: Workbench;

const output = () => outputChannelText(sessionDir);

describe('the language server starts on first need in a real VS Code', () => {
  before(async () => {
    mkdirSync(workspace, { recursive: true });
    writeFileSync(join(workspace, 'notes.txt'), 'Notes from the partners meeting\n\nNo records here, only minutes.\n');
    writeFileSync(join(workspace, 'minutes.md'), '# Minutes\n\n**Present**: the partners\n');
    writeFileSync(join(workspace, 'record.txt'), withField('Scale', '**Scale**: Regoinal'));
    session = await startSession(sessionDir, workspace);
    ({ page, wb } = session);
  });

  after(async () => {
    await session?.stop();
    rmSync(base, { recursive: true, force: true });
  });

  test('a plain .txt starts no server; a fragment opened afterwards starts it and gets diagnostics', { timeout: 180_000 }, async () => {
    await wb.openFile('notes.txt');
    await wb.waitForLanguage('notes.txt', 'plaintext', 'Plain Text');
    // The extension did activate for this file (the line is written at the end of activation, after anything that
    // would start the server has been asked for)...
    const activated = await waitFor(page, 'the activation line in the Fragments output channel', () => output().match(/Activated in \d+ ms\..*/)?.[0]);
    console.log(`activation: ${activated}`);
    assert.match(activated, /starts when a fragment or a fragment\.schema\.json is opened/);
    // ...and neither started the server nor asked for it.
    assert.doesNotMatch(output(), /Starting the language server/);
    assert.deepEqual(serverProcesses(sessionDir), [], 'a language server process runs, though no fragment was opened');
    // Still none after opening a Markdown file too, seconds later.
    await wb.openFile('minutes.md');
    await wb.waitForLanguage('minutes.md', 'markdown', 'Markdown');
    assert.doesNotMatch(output(), /Starting the language server/);
    assert.deepEqual(serverProcesses(sessionDir), [], 'a language server process runs, though no fragment was opened');

    await wb.openFile('record.txt');
    await wb.waitForLanguage('record.txt', 'fragment', 'Fragment');
    await waitFor(page, 'a language server process', () => (serverProcesses(sessionDir).length ? true : undefined));
    await wb.openProblems();
    await wb.waitForProblem((l) => /Regoinal/.test(l), 'for "Regoinal" in the record', 60_000);
    const log = output();
    assert.match(log, /Starting the language server: record\.txt is a fragment\./);
    assert.equal(log.match(/Starting the language server/g)?.length, 1, log);
    assert.equal(serverProcesses(sessionDir).length, 1, 'one server process');
    console.log(`first start: ${log.match(/Language server running: .*/)?.[0]}`);
  });

  test('the server keeps its code cache in the extension\u2019s global storage, for quicker later starts', { timeout: 60_000 }, async () => {
    // Written a few seconds after the start (server/src/launcher.ts), in the folder the client names.
    const folder = join(sessionDir, 'code-server', 'user-data', 'User', 'globalStorage', 'fragment-tools.fragment-language-support', 'server-code-cache');
    const cached = await waitFor(page, `a code cache in ${folder}`, () => (existsSync(folder) ? readdirSync(folder).find((name) => name.endsWith('.v8cache')) : undefined), 30_000);
    assert.ok(statSync(join(folder, cached)).size > 10_000, 'the cache holds compiled code');
  });
});
