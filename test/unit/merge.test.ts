/**
 * mergeDiagnostics puts the workspace's duplicate-ID warnings among a file's own diagnostics, for the editor and the
 * CLI: in position order, and never past the 1000-diagnostic cap, with the note counting everything left out.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_DIAGNOSTICS, mergeDiagnostics, ruleDocsHref, Severity, validate, type FragmentDiagnostic } from '../../server/src/core';
import { VALID_RECORD } from '../support/fixtures';

function duplicateIdAt(line: number): FragmentDiagnostic {
  return {
    range: { start: { line, character: 16 }, end: { line, character: 24 } },
    severity: Severity.Warning,
    code: 'duplicate-id',
    codeDescription: { href: ruleDocsHref('duplicate-id') },
    source: 'fragments',
    message: `FragmentID used again (line ${line})`,
    data: { fix: 'none' },
  };
}

const FIRST = VALID_RECORD.split('\n').length;
/** A valid record followed by `count` unknown fields: one problem each, on lines FIRST.. */
function fileWithProblems(count: number): string {
  return [VALID_RECORD, ...Array.from({ length: count }, (_, i) => `**Unknown ${i}**: x`)].join('\n');
}

const hiddenIn = (note: FragmentDiagnostic) => Number(/at least (\d+) more problems/.exec(note.message)?.[1]);

describe('mergeDiagnostics', () => {
  it('puts duplicate-ID warnings among a file\u2019s own problems, in position order', () => {
    const own = validate(fileWithProblems(3));
    assert.deepEqual(own.map((d) => d.code), ['unknown-field', 'unknown-field', 'unknown-field']);
    const merged = mergeDiagnostics(own, [duplicateIdAt(0), duplicateIdAt(FIRST + 1)]);
    const at = (line: number) => line - FIRST;
    assert.deepEqual(
      merged.map((d) => `${d.code}@${d.range.start.line}`),
      [`duplicate-id@0`, `unknown-field@${FIRST}`, `unknown-field@${FIRST + 1}`, `duplicate-id@${FIRST + 1}`, `unknown-field@${FIRST + 2}`],
      `relative lines: ${merged.map((d) => at(d.range.start.line)).join(',')}`,
    );
  });

  it('keeps a file that was already capped within the cap, and the note counts what the merge pushed out', () => {
    const own = validate(fileWithProblems(1500));
    assert.equal(own.length, MAX_DIAGNOSTICS);
    const hiddenBefore = hiddenIn(own[own.length - 1]);
    const merged = mergeDiagnostics(own, [duplicateIdAt(0), duplicateIdAt(FIRST + 10), duplicateIdAt(FIRST + 1400)]);
    assert.equal(merged.length, MAX_DIAGNOSTICS);
    const note = merged[merged.length - 1];
    assert.equal(note.code, 'too-many-problems');
    assert.equal(merged.filter((d) => d.code === 'too-many-problems').length, 1, 'one note');
    // Two warnings landed among the first 999 and pushed two own problems out; the one on line 1400 is left out too.
    assert.deepEqual(merged.filter((d) => d.code === 'duplicate-id').map((d) => d.range.start.line), [0, FIRST + 10]);
    assert.equal(hiddenIn(note), hiddenBefore + 3);
    assert.equal(note.data?.fix === 'none' && note.data.hidden, hiddenBefore + 3);
  });

  it('caps a file the warnings take past the limit, though its own problems were under it', () => {
    const own = validate(fileWithProblems(MAX_DIAGNOSTICS - 2));
    assert.equal(own.length, MAX_DIAGNOSTICS - 2);
    const merged = mergeDiagnostics(own, [duplicateIdAt(0), duplicateIdAt(1), duplicateIdAt(2), duplicateIdAt(3)]);
    assert.equal(merged.length, MAX_DIAGNOSTICS);
    assert.equal(merged[merged.length - 1].code, 'too-many-problems');
    assert.equal(hiddenIn(merged[merged.length - 1]), MAX_DIAGNOSTICS - 2 + 4 - (MAX_DIAGNOSTICS - 1));
  });

  it('changes nothing without warnings to add', () => {
    const own = validate(fileWithProblems(1500));
    assert.deepEqual(mergeDiagnostics(own, []), own);
  });
});
