/** Accepted findings on the command line: fragment-review.json, --suppress-all, --prune-suppressions, in every format. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { VALID_RECORD, withField } from '../support/fixtures';
import { lint, tempFolder, type JsonFile } from './run-cli';

const named = (id: string, record: string) => withField('FragmentID', `**FragmentID**: ${id}`, record);
/** An invalid-value error (Scale) and a value-case warning (YES/NO), in a record with a FragmentID. */
const OLD_EXPORT = named('SCC-12/PHR7', withField('Scale', '**Scale**: Locall', withField('The change was unintended', '**The change was unintended**: yes')));
/** A record whose ID is redacted: its findings are named by file and line. */
const REDACTED = withField('Year', '**Year**: 20x4');

describe('fragment-lint with a review file', () => {
  let folder: ReturnType<typeof tempFolder>;
  afterEach(() => folder?.remove());
  const review = () => JSON.parse(readFileSync(join(folder.dir, 'fragment-review.json'), 'utf8'));

  it('--suppress-all accepts every finding: the run passes and says how many it accepted', () => {
    folder = tempFolder({ 'records/old.fragment': OLD_EXPORT, 'records/redacted.fragment': REDACTED });
    assert.equal(lint(folder.dir, ['records']).status, 1);
    const suppress = lint(folder.dir, ['--suppress-all', '--accepted-by', 'Amal', '--reason', 'The 2019 export', 'records']);
    assert.equal(suppress.status, 0, suppress.stderr);
    assert.match(suppress.stderr, /^fragment-review\.json: accepted 3 findings\.$/m);
    const written = review();
    assert.equal(written.$schema, 'https://fragment-tools.github.io/schemas/fragment-review.schema.json');
    assert.deepEqual(written.accepted, [
      { file: 'records/redacted.fragment', line: 5, code: 'invalid-value', value: '20x4', acceptedBy: 'Amal', reason: 'The 2019 export' },
      { fragmentId: 'SCC-12/PHR7', code: 'invalid-value', value: 'Locall', acceptedBy: 'Amal', reason: 'The 2019 export' },
      { fragmentId: 'SCC-12/PHR7', code: 'value-case', value: 'yes', acceptedBy: 'Amal', reason: 'The 2019 export' },
    ]);
    const again = lint(folder.dir, ['records']);
    assert.equal(again.status, 0, again.stdout);
    assert.equal(again.stderr.trim(), '2 files checked: no problems (3 accepted in the review file).');
  });

  it('without who and why, the entries are written empty and the run says they need filling in', () => {
    folder = tempFolder({ 'a.fragment': OLD_EXPORT });
    const suppress = lint(folder.dir, ['--suppress-all', '.']);
    assert.match(suppress.stderr, /accepted 2 findings\. 2 entries have no "acceptedBy" or "reason" yet/);
    assert.deepEqual(review().accepted.map((e: { acceptedBy: string; reason: string }) => [e.acceptedBy, e.reason]), [['', ''], ['', '']]);
  });

  it('a finding whose value changed is shown again and fails the run; --prune-suppressions removes the stale entry', () => {
    folder = tempFolder({ 'a.fragment': OLD_EXPORT });
    lint(folder.dir, ['--suppress-all', '.']);
    writeFileSync(join(folder.dir, 'a.fragment'), OLD_EXPORT.replace('Locall', 'Lokal'));
    const changed = lint(folder.dir, ['--format', 'json', '.']);
    assert.equal(changed.status, 1);
    const [file]: (JsonFile & { accepted: { code: string; acceptedBy: string }[] })[] = JSON.parse(changed.stdout);
    assert.deepEqual(file.diagnostics.map((d) => [d.code, d.message.slice(0, 8)]), [['invalid-value', '"Lokal" ']]);
    assert.deepEqual(file.accepted.map((d) => d.code), ['value-case']);

    const pruned = lint(folder.dir, ['--prune-suppressions', '.']);
    assert.match(pruned.stderr, /^fragment-review\.json: removed 1 entry that no longer matches a finding\./m);
    assert.deepEqual(review().accepted.map((e: { value: string }) => e.value), ['yes']);
    assert.equal(pruned.status, 1, 'pruning accepts nothing new');
  });

  it('a record keeps its accepted findings when it moves to another file, by its FragmentID', () => {
    folder = tempFolder({ 'a.fragment': OLD_EXPORT });
    lint(folder.dir, ['--suppress-all', '.']);
    writeFileSync(join(folder.dir, 'a.fragment'), '');
    writeFileSync(join(folder.dir, 'b.fragment'), `${VALID_RECORD}\n\n${OLD_EXPORT}`);
    const moved = lint(folder.dir, ['b.fragment']);
    assert.equal(moved.status, 0, moved.stdout);
    assert.match(moved.stderr, /2 accepted in the review file/);
  });

  it('SARIF lists accepted findings as suppressed, with who and why; the GitHub format counts them', () => {
    folder = tempFolder({ 'a.fragment': OLD_EXPORT });
    lint(folder.dir, ['--suppress-all', '--accepted-by', 'Amal', '--reason', 'Agreed with the team.', '.']);
    writeFileSync(join(folder.dir, 'b.fragment'), REDACTED);
    const sarif = lint(folder.dir, ['--format', 'sarif', '.']);
    assert.equal(sarif.status, 1);
    const log: { runs: { results: { ruleId: string; suppressions?: unknown[] }[] }[] } = JSON.parse(sarif.stdout);
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    assert.ok(ajv.validate(JSON.parse(readFileSync(join(__dirname, 'sarif-schema-2.1.0.json'), 'utf8')), JSON.parse(sarif.stdout)), JSON.stringify(ajv.errors));
    const results = log.runs[0].results;
    assert.deepEqual(
      results.map((r) => [r.ruleId, r.suppressions]),
      [
        ['invalid-value', [{ kind: 'external', status: 'accepted', justification: 'Agreed with the team. (accepted by Amal)' }]],
        ['value-case', [{ kind: 'external', status: 'accepted', justification: 'Agreed with the team. (accepted by Amal)' }]],
        ['invalid-value', undefined],
      ],
    );
    const github = lint(folder.dir, ['--format', 'github', '.']);
    assert.equal(github.status, 1);
    const lines = github.stdout.trim().split('\n');
    assert.equal(lines.length, 2, github.stdout);
    assert.match(lines[0], /^::error file=b\.fragment,line=5,/);
    assert.equal(lines[1], '::notice title=fragment-lint::2 findings accepted in the review file, not shown.');
  });

  it('--fix never changes an accepted finding: a file whose safe fixes would is left as it is, and says so', () => {
    folder = tempFolder({ 'a.fragment': OLD_EXPORT });
    writeFileSync(
      join(folder.dir, 'fragment-review.json'),
      JSON.stringify({ accepted: [{ fragmentId: 'SCC-12/PHR7', code: 'value-case', value: 'yes', acceptedBy: 'Amal', reason: 'Kept as exported.' }] }),
    );
    writeFileSync(join(folder.dir, 'a.fragment'), OLD_EXPORT.replace('**Scale**: Locall', '**Scale**: local'));
    writeFileSync(join(folder.dir, 'b.fragment'), named('SCC-13/PHR8', withField('Scale', '**Scale**: local')));
    const fixed = lint(folder.dir, ['--fix', '.']);
    assert.equal(readFileSync(join(folder.dir, 'a.fragment'), 'utf8'), OLD_EXPORT.replace('**Scale**: Locall', '**Scale**: local'));
    assert.match(fixed.stderr, /^fragment-lint: a\.fragment was not fixed: a safe fix would change "yes" \(value-case\), which the review file accepts\. Fix its other problems by hand\.$/m);
    assert.match(readFileSync(join(folder.dir, 'b.fragment'), 'utf8'), /^\*\*Scale\*\*: Local$/m, 'a file without accepted findings is fixed');
    assert.equal(fixed.status, 0, 'the value-case warning left in a.fragment is a warning');
    assert.match(fixed.stdout, /; 1 accepted in the review file$/m);
  });

  it('a broken or missing review file stops the run with one line (exit 2), before any check', () => {
    folder = tempFolder({ 'a.fragment': OLD_EXPORT, 'fragment-review.json': '{"accepted": [{"code": "invalid-value"}]}' });
    const broken = lint(folder.dir, ['.']);
    assert.equal(broken.status, 2);
    assert.equal(broken.stderr.trim(), 'fragment-lint: The review file fragment-review.json cannot be used: entry 1 of "accepted" needs "value" as text.');
    // In the reader's language, whole: the reason too, not an English clause inside a French sentence.
    const french = lint(folder.dir, ['--locale', 'fr', '.']);
    assert.equal(french.status, 2);
    assert.equal(french.stderr.trim(), 'fragment-lint: Le fichier de revue fragment-review.json ne peut pas être utilisé : l’entrée 1 de "accepted" doit avoir "value" sous forme de texte.');
    assert.equal(broken.stdout, '');
    const missing = lint(folder.dir, ['--review-file', 'reviews/none.json', '.']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /The review file reviews\/none\.json does not exist/);
    assert.ok(!existsSync(join(folder.dir, 'reviews')));
    assert.match(lint(folder.dir, ['--suppress-all', '--fix', '.']).stderr, /not with --fix/);
  });

  it('--review-file names a review file elsewhere; its paths start from its own folder', () => {
    folder = tempFolder({ 'records/r.fragment': REDACTED });
    const suppress = lint(folder.dir, ['--review-file', 'review/accepted.json', '--suppress-all', 'records']);
    assert.equal(suppress.status, 0, suppress.stderr);
    const written = JSON.parse(readFileSync(join(folder.dir, 'review/accepted.json'), 'utf8'));
    assert.equal(written.accepted[0].file, '../records/r.fragment');
    assert.equal(lint(folder.dir, ['records']).status, 1, 'the default review file is not the one written');
    assert.equal(lint(join(folder.dir, 'records'), ['--review-file', '../review/accepted.json', '.']).status, 0);
  });
});

describe('fragment-lint leaves the review file alone after a run that could not check every file', () => {
  it('a file that cannot be read: --prune-suppressions removes nothing, and says so', () => {
    const folder = tempFolder({ 'a.fragment': OLD_EXPORT, 'b.fragment': Buffer.from([0xff, 0xfe, 0x00, 0x41]) });
    try {
      const review = { accepted: [{ file: 'b.fragment', line: 5, code: 'invalid-value', value: '20x4', acceptedBy: 'Amal', reason: 'Year unknown.' }] };
      writeFileSync(join(folder.dir, 'fragment-review.json'), JSON.stringify(review));
      const pruned = lint(folder.dir, ['--prune-suppressions', '.']);
      assert.equal(pruned.status, 2);
      assert.match(pruned.stderr, /^fragment-lint: fragment-review\.json was not changed: not every file could be checked\.$/m);
      assert.deepEqual(JSON.parse(readFileSync(join(folder.dir, 'fragment-review.json'), 'utf8')), review);
    } finally {
      folder.remove();
    }
  });
});
