import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIAGNOSTIC_CODES, MAX_DIAGNOSTICS, RULES, validate, type Rule } from '../../server/src/core';
import { generateDocument } from '../support/generate';
import { seed, VALID_RECORD, withField } from '../support/fixtures';
import { check } from '../support/check';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

describe('validate', () => {
  it('finds no error and no warning in the two structured seeds', () => {
    // What they get at information level is pinned by each rule's own test (redaction-drift, name-in-clear).
    assert.deepEqual(check(seed(0)).filter((d) => d.severity <= 2), []);
    assert.deepEqual(check(seed(1)).filter((d) => d.severity <= 2), []);
  });
  it('asks seed 000 two quality questions, at information level: when, and where the linked evidence is', () => {
    // Its Outcome description names no time; its evidence is "Link for the activities", with no link.
    const quality = new Set(['outcome-when', 'outcome-who', 'placeholder-evidence', 'fields-disagree', 'too-thin']);
    const found = check(seed(0)).filter((d) => quality.has(String(d.code)));
    assert.deepEqual(found.map((d) => [d.code, d.severity]), [['outcome-when', 3], ['placeholder-evidence', 3]]);
  });
  it('finds nothing in the valid record, with LF or CRLF', () => {
    assert.deepEqual(check(VALID_RECORD), []);
    assert.deepEqual(check(VALID_RECORD.replace(/\n/g, '\r\n')), []);
  });
  it('gives every diagnostic the source "fragments" and a known code', () => {
    const text = withField('Scale', '**Scale**: locall');
    for (const d of check(`${text}\n**Contry**: x <persn>`)) {
      assert.equal(d.source, 'fragments');
      assert.ok((DIAGNOSTIC_CODES as readonly string[]).includes(d.code));
    }
  });
  it('stops at 1000 diagnostics and says how many more there were, even when one rule finds them all', () => {
    const many = Array.from({ length: 1500 }, (_, i) => `**Unknown ${i}**: x`).join('\n');
    const found = validate(`**FragmentID**: A-1/2\n${many}`);
    assert.equal(found.length, MAX_DIAGNOSTICS);
    const last = found[found.length - 1];
    assert.equal(last.code, 'too-many-problems');
    assert.match(last.message, /at least \d+ more problems are not shown/);
    // Every problem here is an unknown field after a valid record: the cap's note still comes.
    const onlyUnknown = validate([VALID_RECORD, many].join('\n'));
    assert.equal(onlyUnknown.length, MAX_DIAGNOSTICS);
    assert.equal(onlyUnknown[MAX_DIAGNOSTICS - 1].code, 'too-many-problems');
  });
  it('shows the same first problems of a file over the cap, though the rules stop where the cap is reached', () => {
    const now = new Date('2026-06-15T12:00:00Z');
    // The bench's kind of records: every one has quality prompts, and half are confidential.
    for (const text of [generateDocument(1000), generateDocument(3000, 7)]) {
      const shown = validate(text, { now, uri: 'file:///a.txt' });
      const all = validate(text, { now, uri: 'file:///a.txt', maxDiagnostics: 1_000_000 });
      assert.equal(shown.length, MAX_DIAGNOSTICS);
      assert.deepEqual(shown.slice(0, -1), all.slice(0, MAX_DIAGNOSTICS - 1));
      // The note's "at least" stays true.
      const note = shown[MAX_DIAGNOSTICS - 1];
      assert.equal(note.code, 'too-many-problems');
      const hidden = note.data?.fix === 'none' ? (note.data.hidden ?? 0) : 0;
      assert.ok(hidden >= 1 && hidden <= all.length - (MAX_DIAGNOSTICS - 1), `${hidden} of ${all.length - (MAX_DIAGNOSTICS - 1)}`);
    }
  });
  it('tells a rule when the problems before a line already fill the cap (RuleContext.pastCap)', () => {
    const text = Array.from({ length: 30 }, (_, i) => `**FragmentID**: A-${i}/1`).join('\n');
    const answers: boolean[][] = [];
    const fill: Rule = {
      code: 'unknown-field',
      describe: () => '',
      check(context) {
        // One problem on each of the first 12 lines: with a cap of 10, the rules after it may stop at line 11.
        for (let line = 0; line < 12; line++) context.report({ code: 'unknown-field', severity: 2, message: 'x', range: { start: { line, character: 0 }, end: { line, character: 1 } }, data: { fix: 'none' } });
      },
    };
    const ask: Rule = {
      code: 'too-thin',
      describe: () => '',
      check(context) {
        answers.push([context.pastCap(0), context.pastCap(10), context.pastCap(11), context.pastCap(12), context.pastCap(5, 6), context.pastCap(4, 6)]);
      },
    };
    validate(text, { rules: [fill, ask], maxDiagnostics: 10 });
    // 11 earlier problems (the cap plus one, so the note still comes) lie before line 11; with 6 of its own, before line 5.
    assert.deepEqual(answers, [[false, false, true, true, true, false]]);
  });
  it('has one rule file and one test file per rule, all registered', () => {
    const ruleFiles = readdirSync(resolve(__dirname, '../../server/src/core/rules')).filter((f) => !['index.ts', 'rule.ts', 'value-rule.ts', 'field-names.ts', 'prose.ts', 'words.ts', 'names.ts', 'messages.ts'].includes(f));
    const testFiles = readdirSync(resolve(__dirname, '../rules'));
    const registered = new Set([...RULES.map((r) => r.code), 'unstructured']);
    for (const file of ruleFiles) {
      const code = file.replace(/\.ts$/, '');
      assert.ok(registered.has(code as never), `${file} is not registered in rules/index.ts`);
      assert.ok(testFiles.includes(`${code}.test.ts`), `${code} has no test file`);
    }
  });
});

describe('rule docs', () => {
  it('documents every diagnostic code in docs/rules/<code>.md', () => {
    const docs = new Set(readdirSync(resolve(__dirname, '../../docs/rules')));
    for (const code of DIAGNOSTIC_CODES) assert.ok(docs.has(`${code}.md`), `docs/rules/${code}.md is missing`);
  });
});
