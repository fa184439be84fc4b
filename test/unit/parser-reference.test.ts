/**
 * The in-place parser (server/src/core/parser.ts) against the line-by-line reference it replaced: on real records
 * with random damage, and on line-break and white-space edge cases, both must read exactly the same document.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fieldValue, getDefaultSchema, hasValue, keyRange, parse, splitLines, valueRange, type ParsedDocument } from '../../server/src/core';
import { schemaIndex } from '../../server/src/core/schema/schema-index';
import { damagedDocument } from '../support/robustness';
import { parse as referenceParse, type ParsedDocument as ReferenceDocument } from '../support/reference-parser';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);
const index = schemaIndex(getDefaultSchema());

/** Everything a parse result tells its readers, as plain data. */
function shape(document: ParsedDocument) {
  return {
    lines: document.lines,
    fields: document.fields.map((f) => ({ key: f.key, keyRange: keyRange(f), line: f.line, value: fieldValue(f), hasValue: hasValue(f), valueRange: valueRange(f), valueLines: f.valueLines, endLine: f.endLine, record: f.record, index: f.index })),
    records: document.records.map((r) => ({ index: r.index, startLine: r.startLine, endLine: r.endLine, fields: r.fields.map((f) => f.index) })),
    malformed: document.malformed,
  };
}

/** The same, from the reference, whose fields carry their value and ranges as properties. */
function referenceShape(document: ReferenceDocument) {
  return {
    lines: document.lines,
    fields: document.fields.map((f) => ({ key: f.key, keyRange: f.keyRange, line: f.line, value: f.value, hasValue: f.value !== '', valueRange: f.valueRange, valueLines: f.valueLines, endLine: f.endLine, record: f.record, index: f.index })),
    records: document.records.map((r) => ({ index: r.index, startLine: r.startLine, endLine: r.endLine, fields: r.fields.map((f) => f.index) })),
    malformed: document.malformed,
  };
}

function assertSameAsReference(text: string): void {
  assert.deepEqual(shape(parse(text, index)), referenceShape(referenceParse(text, index)), JSON.stringify(text.slice(0, 300)));
  assert.deepEqual(shape(parse(text)), referenceShape(referenceParse(text)), JSON.stringify(text.slice(0, 300)));
}

describe('parser agrees with the line-by-line reference', () => {
  it('on damaged real and generated records', () => {
    fc.assert(fc.property(damagedDocument, assertSameAsReference), { numRuns: RUNS });
  });

  it('on line breaks, white space, BOMs and near-fields at the edges', () => {
    const pieces = ['**FragmentID**: A-1/2', '**Year**:2024', '**Scale** : Local', 'Scale: Local', '**Scale: Local', '  **Year**: 2020', '\uFEFF', ' ', '\t', '\u00A0', '\u2028', '\r', '\n', '\r\n', '**', '*', ':', 'text', '**K**:', '** Additional information (use if needed) **: x', 'Scale', 'x'.repeat(4100)];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), (parts) => assertSameAsReference(parts.join(''))), { numRuns: RUNS * 5 });
  });

  it('reads lines exactly as splitLines does, on first use', () => {
    const text = '\uFEFF**FragmentID**: A\r\n\r**Year**: 2024\n\n';
    const document = parse(text);
    assert.deepEqual(document.lines, splitLines(text));
    assert.equal(document.lines, document.lines, 'split once, then kept');
  });
});
