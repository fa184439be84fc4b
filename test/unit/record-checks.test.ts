/**
 * The per-record checks of an open document (core/record-checks.ts) give exactly what a check of the whole text
 * gives, after any sequence of edits: random multi-record documents (damaged real records, several record starts,
 * CR and CRLF line ends, a BOM, text before the first record) get random insertions, deletions and replacements, in
 * batches as an editor sends them, and after each batch the incremental diagnostics equal a fresh full check.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { getDefaultSchema, MAX_DIAGNOSTICS, parseWithSchema, recordIds, validate, type FragmentDiagnostic } from '../../server/src/core';
import { RecordChecks, type TextChange } from '../../server/src/core/record-checks';
import { complete } from '../../server/src/core/features/completion';
import { hover } from '../../server/src/core/features/hover';
import { NOW, VALID_RECORD } from '../support/fixtures';
import { damagedDocument } from '../support/robustness';

const schema = getDefaultSchema();
const URI = 'file:///incremental.fragment';
const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
const COMPLETION = { snippets: true, markdown: true, workspaceValues: () => new Map<string, number>() };

function full(text: string): FragmentDiagnostic[] {
  return validate(text, { schema, now: NOW, uri: URI });
}

/** Past the cap, both lists hold the first problems; only the count in the note may differ ("at least N more"). */
function comparable(diagnostics: readonly FragmentDiagnostic[]): unknown[] {
  return diagnostics.map((d) => (d.code === 'too-many-problems' ? { code: d.code, range: d.range } : d));
}

/** Pieces that make record boundaries move: record starts, line breaks, almost-fields, markers. */
const piece = fc.constantFrom('\n', '\r\n', '\r', '**FragmentID**: X-1/A\n', '**FragmentID**: X-1/A', '**Scale**: Locl\n', '**', ':', 'Scale: Local\n', '<persn>', ' ', 'x', '\n\n', '**FragmentID**:');

// Half the edits start at a line start (plus a few characters), where record boundaries are made and broken.
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), atLineStart: fc.boolean(), shift: fc.nat({ max: 3 }), remove: fc.nat({ max: 40 }), insert: fc.oneof(piece, fc.string({ maxLength: 6 }), fc.array(piece, { maxLength: 3 }).map((p) => p.join(''))) });

const documentOfRecords = fc
  .tuple(fc.array(damagedDocument, { minLength: 1, maxLength: 4 }), fc.constantFrom('', 'free text first\n', '\uFEFF', 'Scale: Local\n'), fc.constantFrom('\n', '\n\n', '\r\n'))
  .map(([records, head, gap]) => head + records.join(gap));

/** Applies edits one by one, each against the text the previous one left, as LSP incremental sync does. */
function applyAll(text: string, edits: readonly { at: number; atLineStart: boolean; shift: number; remove: number; insert: string }[]): { text: string; changes: TextChange[] } {
  const changes: TextChange[] = [];
  for (const e of edits) {
    let from = Math.floor(e.at * text.length);
    if (e.atLineStart) {
      // A line picked by its number, not its length: record-start lines are short.
      const starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      from = Math.min(text.length, starts[Math.floor(e.at * starts.length)] + e.shift);
    }
    const to = Math.min(text.length, from + e.remove);
    // Never split a surrogate pair or CRLF? Editors may; the checker must cope, so no care is taken here.
    text = text.slice(0, from) + e.insert + text.slice(to);
    changes.push({ from, to, length: e.insert.length });
  }
  return { text, changes };
}

describe('record checks: incremental diagnostics equal a full check', () => {
  it('after random batches of edits on random multi-record documents', () => {
    let comparedAround = 0;
    fc.assert(
      fc.property(documentOfRecords, fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (start, batches) => {
        const checks = new RecordChecks(start, { schema, now: NOW, uri: URI });
        assert.deepEqual(comparable(checks.diagnostics()), comparable(full(start)));
        let text = start;
        let generation = checks.idsGeneration;
        let ids = checks.recordIds();
        for (const batch of batches) {
          const applied = applyAll(text, batch);
          text = applied.text;
          checks.edit(applied.changes, text);
          assert.deepEqual(comparable(checks.diagnostics()), comparable(full(text)), JSON.stringify(text));
          const expectedIds = recordIds(parseWithSchema(text, schema), schema);
          assert.deepEqual(checks.recordIds(), expectedIds);
          // The workspace index compares IDs again only when the generation moves: it must move when they change.
          if (checks.idsGeneration === generation) assert.deepEqual(expectedIds, ids, 'the IDs changed but their generation did not');
          generation = checks.idsGeneration;
          ids = expectedIds;
          const whole = parseWithSchema(text, schema);
          assert.equal(checks.recordCount, whole.records.length);
          // Hover and completion on the parse of one record answer as on the parse of the whole text.
          const lines = text.split(/\r\n|\r|\n/);
          for (const fraction of [0.1, 0.5, 0.9]) {
            const line = Math.floor(fraction * lines.length);
            const around = checks.parseAround(line);
            if (!around) continue;
            comparedAround++;
            for (const character of [0, 3, lines[line].length]) {
              const position = { line, character };
              assert.deepEqual(hover(around, schema, position, { markdown: true }), hover(whole, schema, position, { markdown: true }));
              assert.deepEqual(complete(around, schema, position, COMPLETION), complete(whole, schema, position, COMPLETION));
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
    assert.ok(comparedAround > RUNS, `hover and completion compared on ${comparedAround} lines only`);
  });

  it('text that comes to stand before the first record is checked with that record, as in a full check', () => {
    // Found by the property above (seed -1319293531): "Scale: Local" typed above the first record counts as its Scale
    // written wrong in a full check; the incremental check had left it in a chunk of its own.
    let text = '**FragmentID**: X-1/A\n**FragmentID**: X-1/AA story told without fields.';
    const checks = new RecordChecks(text, { schema, now: NOW, uri: URI });
    assert.deepEqual(checks.diagnostics(), full(text));
    const inserted = 'Scale: Local\n';
    text = inserted + text.slice(1);
    checks.edit([{ from: 0, to: 1, length: inserted.length }], text);
    assert.deepEqual(comparable(checks.diagnostics()), comparable(full(text)));
    // And the other way: a record's start line that stops being one joins the record before it.
    const second = text.indexOf('**FragmentID**: X-1/AA');
    text = `${text.slice(0, second)}Note: ${text.slice(second)}`;
    checks.edit([{ from: second, to: second, length: 'Note: '.length }], text);
    assert.deepEqual(comparable(checks.diagnostics()), comparable(full(text)));
  });

  it('an edit that breaks the line that starts a record joins the record to the one before, and mending it splits them again', () => {
    let text = `${VALID_RECORD}\n${VALID_RECORD.replace('PHR012', 'PHR013')}\n${VALID_RECORD.replace('PHR012', 'PHR014')}`;
    const checks = new RecordChecks(text, { schema, now: NOW, uri: URI });
    assert.deepEqual(checks.diagnostics(), []);
    const at = VALID_RECORD.length + 1; // the second record's `**FragmentID**:`
    text = text.slice(0, at) + text.slice(at + 1);
    checks.edit([{ from: at, to: at + 1, length: 0 }], text);
    assert.deepEqual(checks.diagnostics(), full(text));
    assert.ok(checks.diagnostics().some((d) => d.code === 'duplicate-field'), 'the second record now repeats the first one\'s fields');
    assert.equal(checks.recordCount, 2);
    text = `${text.slice(0, at)}*${text.slice(at)}`;
    checks.edit([{ from: at, to: at, length: 1 }], text);
    assert.deepEqual(checks.diagnostics(), []);
    assert.equal(checks.recordCount, 3);
  });

  it('a record edited among 300 others: the same diagnostics as a full check, the others not checked again', () => {
    const records = Array.from({ length: 300 }, (_, i) => VALID_RECORD.replace(/PHR\d+/, `PHR${1000 + i}`));
    let text = records.join('\n');
    const checks = new RecordChecks(text, { schema, now: NOW, uri: URI });
    assert.deepEqual(checks.diagnostics(), []);
    const at = text.indexOf('**Scale**: ', text.length >> 1) + '**Scale**: '.length;
    text = `${text.slice(0, at)}x${text.slice(at)}`;
    checks.edit([{ from: at, to: at, length: 1 }], text);
    const diagnostics = checks.diagnostics();
    assert.equal(diagnostics.length, 1);
    assert.deepEqual(diagnostics, full(text));
  });

  it('a file with far more problems than are shown: the first ones exactly, and a note that there are more', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `**FragmentID**: A-${i}/B\n**Scale**: Locl`).join('\n');
    const checks = new RecordChecks(text, { schema, now: NOW, uri: URI });
    const diagnostics = checks.diagnostics();
    assert.equal(diagnostics.length, MAX_DIAGNOSTICS);
    assert.deepEqual(diagnostics.slice(0, -1), full(text).slice(0, -1));
    assert.equal(diagnostics.at(-1)?.code, 'too-many-problems');
    assert.match(diagnostics.at(-1)?.message ?? '', /at least \d+ more problems/);
  });
});
