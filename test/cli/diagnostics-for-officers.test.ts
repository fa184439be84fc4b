/**
 * The built fragment-lint on what an officer writes: one problem for a misspelt or new record where there were walls,
 * a note after a flag value kept by --fix, Markdown habits read as a person would, and rule links in SARIF that are
 * the very links the language server gives its diagnostics.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startServer } from '../support/lsp-client';
import { VALID_RECORD, withField } from '../support/fixtures';
import { CLI_BUNDLE, lint, tempFolder, type JsonFile } from './run-cli';

const NOTE = 'The partners had not planned this.';
const FILES = {
  'misspelt.fragment': withField('coutnry', '**Contry**: Iraq'),
  'new.fragment': '**FragmentID**: \n',
  'note.fragment': withField('The change was unintended', `**The change was unintended**: yes\n${NOTE}`),
  'markdown.fragment': `# Record 1\n${VALID_RECORD}\n---\n# Record 2\n${withField('Scale', '- **Scale**: <redacted>', VALID_RECORD.replace('PHR012', 'PHR013'))}\n`,
};

describe('fragment-lint on what an officer writes', () => {
  let folder: ReturnType<typeof tempFolder>;
  before(() => {
    folder = tempFolder(FILES);
  });
  after(() => folder.remove());

  it('reports each mistake once, where it is', () => {
    const run = lint(folder.dir, ['--format', 'json']);
    const byFile = new Map((JSON.parse(run.stdout) as JsonFile[]).map((f) => [f.file, f.diagnostics]));
    assert.deepEqual(byFile.get('misspelt.fragment')?.map((d) => [d.line, d.code, d.message]), [
      [4, 'unknown-field', '"Contry" is not a field of this fragment format. Did you mean "country"? (The export writes it "coutnry"; both spellings are accepted.)'],
    ]);
    assert.deepEqual(byFile.get('new.fragment')?.map((d) => [d.line, d.code, d.severity]), [
      [1, 'missing-field', 'error'],
      [1, 'empty-value', 'error'],
      [1, 'missing-field', 'warning'],
    ]);
    assert.deepEqual(byFile.get('note.fragment')?.map((d) => [d.line, d.code]), [
      [15, 'value-case'],
      [16, 'text-after-value'],
    ]);
    // The heading, the separator and the redacted Scale are fine; the bulleted Scale is almost a field.
    assert.deepEqual(byFile.get('markdown.fragment')?.map((d) => [d.line, d.code]), [[37, 'malformed-field']]);
  });

  it('--fix keeps the note after a fixed flag value, and rewrites a bulleted field keeping its value', () => {
    const fixing = tempFolder(FILES);
    try {
      lint(fixing.dir, ['--fix']);
      const note = readFileSync(join(fixing.dir, 'note.fragment'), 'utf8');
      assert.ok(note.includes(`**The change was unintended**: YES\n${NOTE}`), note);
      const markdown = readFileSync(join(fixing.dir, 'markdown.fragment'), 'utf8');
      assert.equal(markdown, FILES['markdown.fragment'].replace('- **Scale**: <redacted>', '**Scale**: <redacted>'));
      // Nothing is added to a new record: adding fields is the writer's choice, made in the editor.
      assert.equal(readFileSync(join(fixing.dir, 'new.fragment'), 'utf8'), FILES['new.fragment']);
    } finally {
      fixing.remove();
    }
  });

  it('SARIF links each rule to its page beside dist/, the same link the language server gives', async () => {
    const run = lint(folder.dir, ['--format', 'sarif']);
    const rules: { id: string; helpUri: string }[] = JSON.parse(run.stdout).runs[0].tool.driver.rules;
    assert.ok(rules.length >= 5, run.stdout.slice(0, 500));
    for (const rule of rules) {
      assert.equal(fileURLToPath(rule.helpUri), resolve(CLI_BUNDLE, '../../docs/rules', `${rule.id}.md`));
      assert.ok(existsSync(fileURLToPath(rule.helpUri)), rule.helpUri);
    }
    const client = await startServer();
    try {
      const uri = 'file:///officer.fragment';
      const published = client.nextDiagnostics(uri);
      client.open(uri, FILES['new.fragment'] + FILES['misspelt.fragment']);
      const { diagnostics } = await published;
      assert.ok(diagnostics.length > 0);
      for (const d of diagnostics) assert.equal(d.codeDescription?.href, rules.find((r) => r.id === d.code)?.helpUri, String(d.code));
    } finally {
      await client.shutdown();
    }
  });
});
