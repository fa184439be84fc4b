/** Accepted findings (core/review.ts): keys of findings, matching them against a review file, reading and writing it. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import {
  applyReview,
  entryFor,
  findingKeys,
  getDefaultSchema,
  mergeEntries,
  parseReview,
  parseWithSchema,
  serializeReview,
  validateParsed,
  type LocatedFinding,
  type ReviewEntry,
} from '../../server/src/core';
import { NOW, VALID_RECORD, withField } from '../support/fixtures';

const schema = getDefaultSchema();

function findings(text: string, file = 'records/a.fragment'): { code: string; message: string; finding: LocatedFinding | undefined }[] {
  const document = parseWithSchema(text, schema);
  const diagnostics = validateParsed(document, { schema, now: NOW });
  return findingKeys(document, diagnostics, schema).map((key, i) => ({
    code: diagnostics[i].code,
    message: diagnostics[i].message,
    finding: key && { ...key, file },
  }));
}

const named = (id: string, record: string) => withField('FragmentID', `**FragmentID**: ${id}`, record);
const MISSPELT = named('SCC-12/PHR7', withField('Scale', '**Scale**: Locall'));

describe('finding keys', () => {
  it('name a finding by its record\'s FragmentID, its code and the text it is about', () => {
    const [only] = findings(MISSPELT);
    assert.equal(only.code, 'invalid-value');
    assert.deepEqual(only.finding, { code: 'invalid-value', fragmentId: 'SCC-12/PHR7', line: 11, value: 'Locall', file: 'records/a.fragment' });
  });

  it('name a finding by file and line when the record has no usable FragmentID (redacted or absent)', () => {
    const redacted = findings(withField('Scale', '**Scale**: Locall'))[0].finding!;
    assert.equal(redacted.fragmentId, undefined);
    assert.equal(redacted.line, 11);
    const second = findings(`${VALID_RECORD}\n\n**Outcome status**: Outcome\n**Year**: 20x4\n`).filter((f) => f.code === 'invalid-value');
    assert.equal(second.length, 1);
    assert.equal(second[0].finding!.fragmentId, undefined);
  });

  it('a missing-field finding is about the fields it names', () => {
    const missing = findings(named('SCC-1/A', withField('Scale', null))).find((f) => f.code === 'missing-field')!;
    assert.equal(missing.finding!.value, 'Scale');
  });

  it('never copies a personal detail into the review file: its value is a digest', () => {
    const confidential = named('SCC-3/B', withField('Outcome statements is CONFIDENTIAL', '**Outcome statements is CONFIDENTIAL**: 1.0', withField('Evidence supporting the outcome statement', '**Evidence supporting the outcome statement**: write to amal.k@example.org')));
    const pii = findings(confidential).find((f) => f.code === 'pii');
    assert.ok(pii, 'the test record has no pii finding');
    assert.match(pii.finding!.value, /^digest:[0-9a-f]{14}$/);
    assert.ok(!serializeReview({ entries: [entryFor(pii.finding!)] }).includes('example.org'));
    // Another address is another value.
    const other = findings(confidential.replace('amal.k@', 'amal.m@')).find((f) => f.code === 'pii')!;
    assert.notEqual(other.finding!.value, pii.finding!.value);
  });
});

describe('applyReview', () => {
  const entry = (finding: LocatedFinding): ReviewEntry => entryFor(finding, 'Amal', 'The 2019 export spells it so');

  it('accepts the finding an entry names, and only that one', () => {
    const text = withField('Year', '**Year**: 20x4', MISSPELT);
    const all = findings(text).map((f) => f.finding);
    const scale = all.find((f) => f?.value === 'Locall')!;
    const outcome = applyReview({ entries: [entry(scale)] }, all);
    assert.deepEqual(outcome.acceptedBy.map((e) => e?.value), all.map((f) => (f === scale ? 'Locall' : undefined)));
    assert.deepEqual(outcome.unused, []);
  });

  it('keeps accepting a record\'s finding when the record moves to another file or line', () => {
    const scale = findings(MISSPELT)[0].finding!;
    const moved = findings(`${VALID_RECORD}\n${MISSPELT}`, 'records/merged.fragment').map((f) => f.finding);
    const outcome = applyReview({ entries: [entry(scale)] }, moved);
    assert.equal(outcome.acceptedBy.filter(Boolean).length, 1);
  });

  it('no longer accepts a finding whose value changed, and says which entries are unused', () => {
    const accepted = entry(findings(MISSPELT)[0].finding!);
    const changed = findings(MISSPELT.replace('Locall', 'Lokal')).map((f) => f.finding);
    const outcome = applyReview({ entries: [accepted] }, changed);
    assert.deepEqual(outcome.acceptedBy, [undefined]);
    assert.deepEqual(outcome.unused, [accepted]);
  });

  it('an entry by file and line accepts nothing on another line or in another file', () => {
    const text = withField('Scale', '**Scale**: Locall');
    const accepted = entry(findings(text)[0].finding!);
    assert.equal(applyReview({ entries: [accepted] }, findings(text).map((f) => f.finding)).acceptedBy.filter(Boolean).length, 1);
    assert.equal(applyReview({ entries: [accepted] }, findings(`\n${text}`).map((f) => f.finding)).acceptedBy.filter(Boolean).length, 0);
    assert.equal(applyReview({ entries: [accepted] }, findings(text, 'records/b.fragment').map((f) => f.finding)).acceptedBy.filter(Boolean).length, 0);
  });
});

describe('the review file', () => {
  it('round-trips, sorted, with its $schema; merging keeps the existing who and why', () => {
    const [scale] = findings(MISSPELT).map((f) => f.finding!);
    const first = entryFor(scale, 'Amal', 'agreed');
    const merged = mergeEntries([first], [entryFor(scale), entryFor({ ...scale, fragmentId: 'SCC-1/A' })]);
    assert.equal(merged.length, 2);
    assert.equal(merged[0].acceptedBy, 'Amal');
    const text = serializeReview({ entries: merged });
    assert.match(text, /^\{\n {2}"\$schema": "https:\/\/fragment-tools\.github\.io\/schemas\/fragment-review\.schema\.json",/);
    const read = parseReview(text);
    assert.deepEqual(read.entries.map((e) => e.fragmentId), ['SCC-1/A', 'SCC-12/PHR7']);
    assert.deepEqual(parseReview(serializeReview(read)), read);
  });

  it('a broken file is refused with a message that says what is wrong', () => {
    const problems: [string, RegExp][] = [
      ['{', /not valid JSON/],
      ['[]', /JSON object with an "accepted" list/],
      ['{"accepted": {}}', /"accepted" must be a list/],
      ['{"accepted": [{"code": "no-such-code", "value": "x", "fragmentId": "A"}]}', /entry 1 .*"no-such-code", which is not a fragments diagnostic code/],
      ['{"accepted": [{"code": "invalid-value", "value": "x"}]}', /entry 1 .*needs a "fragmentId", or a "file" and a "line"/],
      ['{"accepted": [{"code": "invalid-value", "value": 3, "fragmentId": "A"}]}', /entry 1 .*needs "value" as text/],
      ['{"accepted": [{"code": "invalid-value", "value": "x", "file": "a.fragment", "line": 0}]}', /a whole number from 1/],
    ];
    for (const [text, message] of problems) assert.throws(() => parseReview(text), message, text);
    assert.deepEqual(parseReview('{}'), { entries: [] });
  });
});

describe('the review file format (schemas/fragment-review.schema.json, which VS Code checks the file with)', () => {
  it('accepts what --suppress-all writes and refuses an entry that names no record', () => {
    const format = JSON.parse(readFileSync(resolve(__dirname, '../../schemas/fragment-review.schema.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true });
    const check = ajv.compile(format);
    const written = serializeReview({
      entries: [...findings(MISSPELT), ...findings(withField('Year', '**Year**: 20x4'))].flatMap((f) => (f.finding ? [entryFor(f.finding, 'Amal', 'agreed')] : [])),
    });
    assert.ok(JSON.parse(written).accepted.some((e: ReviewEntry) => e.file !== undefined), written);
    assert.ok(check(JSON.parse(written)), JSON.stringify(check.errors));
    assert.equal(check({ accepted: [{ code: 'invalid-value', value: 'x', acceptedBy: '', reason: '' }] }), false);
  });
});
