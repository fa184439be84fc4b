/**
 * The outline built from each record's kept entry (core/record-checks.ts `outline`) is the outline of a parse of the
 * whole text (`documentSymbols`), after any sequence of edits: on random multi-record documents made from damaged real
 * records, on the seed records, and on the bench's documents (100 records and 1 MB), with random limits on its
 * entries. The outline is asked for after some batches of edits and not others, so kept entries are reused, moved
 * by lines and records that came or went before them, and made again for the records an edit touched.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { getDefaultSchema, parseWithSchema } from '../../server/src/core';
import { RecordChecks, type TextChange } from '../../server/src/core/record-checks';
import { documentSymbols } from '../../server/src/core/features/symbols';
import { plantedDocument, recordsForMegabytes } from '../../scripts/bench/yaml-equivalent';
import { NOW, seed, VALID_RECORD } from '../support/fixtures';
import { damagedDocument } from '../support/robustness';

const schema = getDefaultSchema();
const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);

/** What the outline handler sent before entries were kept: the whole parse's outline and the first left-out record's line. */
function wholeOutline(text: string, maxItems: number) {
  const whole = parseWithSchema(text, schema);
  const symbols = documentSymbols(whole, schema, maxItems);
  return { symbols, cutLine: whole.records[symbols.length]?.startLine };
}

/** Pieces that move records and lines: record starts, line breaks, fields without an ID, almost-fields. */
const piece = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '**FragmentID**: X-1/A\n', '**FragmentID**: X-1/A', '**FragmentID**:', '**FragmentID**: \n', '**Scale**: Local\n', '**Scale**: Locl', '**', ':', 'Scale: Local\n', 'x', ' ');

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  atLineStart: fc.boolean(),
  shift: fc.nat({ max: 3 }),
  remove: fc.oneof(fc.nat({ max: 40 }), fc.nat({ max: 2_000 })),
  insert: fc.oneof(piece, fc.string({ maxLength: 6 }), fc.array(piece, { maxLength: 3 }).map((p) => p.join(''))),
});
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

/** Applies edits one by one, each against the text the previous one left, as LSP incremental sync does. */
function applyAll(text: string, edits: readonly Edit[]): { text: string; changes: TextChange[] } {
  const changes: TextChange[] = [];
  for (const e of edits) {
    let from = Math.floor(e.at * text.length);
    if (e.atLineStart) {
      const starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      from = Math.min(text.length, starts[Math.floor(e.at * starts.length)] + e.shift);
    }
    const to = Math.min(text.length, from + e.remove);
    text = text.slice(0, from) + e.insert + text.slice(to);
    changes.push({ from, to, length: e.insert.length });
  }
  return { text, changes };
}

/** Random batches of edits on `documents`; after each batch asked for (`ask`), the kept outline equals the whole one. */
function outlinesAgree(documents: fc.Arbitrary<string>, runs: number): void {
  let compared = 0;
  let cut = 0;
  fc.assert(
    fc.property(
      documents,
      fc.constantFrom(Infinity, 5_000, 40, 12, 3, 1),
      fc.array(fc.record({ edits: fc.array(edit, { minLength: 1, maxLength: 3 }), ask: fc.boolean() }), { minLength: 1, maxLength: 6 }),
      (start, maxItems, batches) => {
        const checks = new RecordChecks(start, { schema, now: NOW });
        assert.deepEqual(checks.outline(maxItems), wholeOutline(start, maxItems));
        let text = start;
        for (const { edits, ask } of batches) {
          const applied = applyAll(text, edits);
          text = applied.text;
          checks.edit(applied.changes, text);
          if (!ask) continue;
          const expected = wholeOutline(text, maxItems);
          assert.deepEqual(checks.outline(maxItems), expected, JSON.stringify(text.length < 5_000 ? text : text.slice(0, 200)));
          compared++;
          if (expected.cutLine !== undefined) cut++;
        }
      },
    ),
    { numRuns: runs },
  );
  assert.ok(compared > runs, `outlines compared after ${compared} batches only`);
  assert.ok(cut > 0, 'no outline was cut short: the limit was never reached');
}

const documentOfRecords = fc
  .tuple(fc.array(damagedDocument, { minLength: 1, maxLength: 4 }), fc.constantFrom('', 'free text first\n', '\uFEFF', 'Scale: Local\n'), fc.constantFrom('\n', '\n\n', '\r\n'))
  .map(([records, head, gap]) => head + records.join(gap));

const seeds = fc.constantFrom(seed(0), seed(1), seed(2), `${seed(0)}\n${seed(1)}\n${seed(2)}`, `${seed(1)}\n\n${VALID_RECORD}\n${seed(0)}`);

describe('outline from kept entries equals the outline of the whole parse', () => {
  it('after random edits of random multi-record documents', () => outlinesAgree(documentOfRecords, RUNS));
  it('after random edits of the seed records', () => outlinesAgree(seeds, Math.ceil(RUNS / 4)));
  it("after random edits of the bench's documents (100 records, 1 MB)", () => {
    outlinesAgree(fc.constantFrom(plantedDocument(100), plantedDocument(recordsForMegabytes(1))), Math.ceil(RUNS / 10));
  });

  it('a record typed above others moves their entries and renumbers those without an ID', () => {
    let text = `**FragmentID**: A-1/B\n**Scale**: Local\n\n**FragmentID**:\n**Year**: 2024\n\n**FragmentID**: A-2/B\n**Scale**: National`;
    const checks = new RecordChecks(text, { schema, now: NOW });
    assert.deepEqual(checks.outline(Infinity), wholeOutline(text, Infinity));
    const inserted = '**FragmentID**: A-0/B\n**Scale**: Local\n\n';
    text = inserted + text;
    checks.edit([{ from: 0, to: 0, length: inserted.length }], text);
    const { symbols } = checks.outline(Infinity);
    assert.deepEqual(symbols, wholeOutline(text, Infinity).symbols);
    assert.deepEqual(symbols.map((s) => [s.name, s.range.start.line]), [['A-0/B', 0], ['A-1/B', 3], ['Fragment 3 (no FragmentID)', 6], ['A-2/B', 9]]);
    // A record start broken above it, on the same lines: the record without an ID is now the second, on the same line.
    const broken = text.indexOf('**FragmentID**: A-1/B');
    text = `${text.slice(0, broken)}x${text.slice(broken)}`;
    checks.edit([{ from: broken, to: broken, length: 1 }], text);
    const after = checks.outline(Infinity).symbols;
    assert.deepEqual(after, wholeOutline(text, Infinity).symbols);
    assert.deepEqual(after.map((s) => [s.name, s.range.start.line]), [['A-0/B', 0], ['Fragment 2 (no FragmentID)', 6], ['A-2/B', 9]]);
  });
});
