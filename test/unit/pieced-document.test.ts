/**
 * The server's open documents (handlers/pieced-document.ts) answer exactly as vscode-languageserver-textdocument's
 * TextDocument does: random texts with LF, CRLF and lone CR line ends get random edits (insertions, deletions,
 * replacements, reversed ranges, positions past a line's end, whole-text changes), in batches as an editor sends
 * them, and after each batch getText (whole and ranges), positionAt, offsetAt, lineCount, getLineRange and
 * getEOLCharacters agree. Texts are cut in tiny pieces so that edits fall across many piece edges.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { PiecedDocument } from '../../server/src/handlers/pieced-document';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);

/** Text rich in line breaks of every kind, and in CR and LF meeting at edit edges. */
const text = fc.array(fc.constantFrom('a', 'bc', '**ID**: 1', '\n', '\r\n', '\r', ' ', 'é', '😀'), { maxLength: 40 }).map((parts) => parts.join(''));
const position = fc.record({ line: fc.integer({ min: 0, max: 6 }), character: fc.integer({ min: 0, max: 12 }) });
const change: fc.Arbitrary<TextDocumentContentChangeEvent> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text }) },
  { weight: 1, arbitrary: fc.record({ text }) },
);

function sameAnswers(ours: PiecedDocument, theirs: TextDocument, probes: { line: number; character: number }[]): void {
  const whole = theirs.getText();
  assert.equal(ours.getText(), whole);
  assert.equal(ours.text.length, whole.length);
  assert.equal(ours.lineCount, theirs.lineCount);
  for (let offset = -1; offset <= whole.length + 1; offset++) assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset), `positionAt(${offset})`);
  for (const probe of probes) assert.equal(ours.offsetAt(probe), theirs.offsetAt(probe), `offsetAt(${JSON.stringify(probe)})`);
  for (let line = -1; line <= theirs.lineCount; line++) {
    assert.deepEqual(ours.getLineRange(line), theirs.getLineRange(line), `getLineRange(${line})`);
    assert.equal(ours.getEOLCharacters(line), theirs.getEOLCharacters(line), `getEOLCharacters(${line})`);
  }
  for (let i = 0; i + 1 < probes.length; i += 2) {
    const range = { start: probes[i], end: probes[i + 1] };
    if (theirs.offsetAt(range.start) <= theirs.offsetAt(range.end)) assert.equal(ours.getText(range), theirs.getText(range));
  }
  for (let from = 0; from <= whole.length; from += 3) assert.equal(ours.text.slice(from, from + 7), whole.slice(from, from + 7));
}

function inText(document: TextDocument, position: { line: number; character: number }): { line: number; character: number } {
  return { line: position.line % document.lineCount, character: position.character };
}

describe('PiecedDocument', () => {
  it('answers as TextDocument does after any edits', () => {
    fc.assert(
      fc.property(
        text,
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 8 }),
        fc.array(position, { minLength: 6, maxLength: 6 }),
        (initial, pieceLength, batches, probes) => {
          const ours = new PiecedDocument('file:///a.fragment', 'fragment', 1, initial, pieceLength);
          const theirs = TextDocument.create('file:///a.fragment', 'fragment', 1, initial);
          // Line starts are first computed here, so the edits below move them rather than count them afresh.
          assert.equal(ours.lineCount, theirs.lineCount);
          let version = 1;
          for (const batch of batches) {
            version++;
            // TextDocument leaves its line starts wrong for a range on a line past the end (the editor never sends
            // one), so each change's lines are brought inside the text the changes before it left.
            const sent = batch.map((c) => {
              const inside = 'range' in c ? { range: { start: inText(theirs, c.range.start), end: inText(theirs, c.range.end) }, text: c.text } : c;
              TextDocument.update(theirs, [inside], version);
              return inside;
            });
            ours.update(sent, version);
            assert.equal(ours.version, version);
            sameAnswers(ours, theirs, probes);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('keeps the text of a version when the document moves on', () => {
    const document = new PiecedDocument('file:///a.fragment', 'fragment', 1, '**ID**: 1\n**Title**: Well\n', 4);
    const before = document.text;
    document.update([{ range: { start: { line: 1, character: 15 }, end: { line: 1, character: 15 } }, text: 'er' }], 2);
    assert.equal(before.toString(), '**ID**: 1\n**Title**: Well\n');
    assert.equal(document.getText(), '**ID**: 1\n**Title**: Weller\n');
  });
});
