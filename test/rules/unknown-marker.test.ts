import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seed, withField } from '../support/fixtures';
import { covered, withCode } from '../support/check';

describe('unknown-marker', () => {
  it('accepts the known markers wherever they stand', () => {
    assert.deepEqual(withCode(seed(0), 'unknown-marker'), []);
    assert.deepEqual(withCode(seed(1), 'unknown-marker'), []);
  });
  it('flags <persn> and <Loc> with the marker they were meant to be', () => {
    const text = withField('Outcome description', '**Outcome description**: <persn> met people in <Loc>.\nLater <reddacted> too.');
    const found = withCode(text, 'unknown-marker');
    assert.deepEqual(found.map((d) => covered(text, d)), ['<persn>', '<Loc>', '<reddacted>']);
    assert.deepEqual(found.map((d) => (d.data as { suggestions: string[] }).suggestions[0]), ['<person>', '<LOC>', '<redacted>']);
    assert.equal(found[0].severity, 2);
  });
  it('places each token on its own line whatever the line breaks (CRLF, lone CR, LF) and after a BOM', () => {
    const text = '\uFEFF' + withField('Outcome description', '**Outcome description**: <persn> met\r\nthem in <Loc>\rand <reddacted>\n<Persn> <3');
    const found = withCode(text, 'unknown-marker');
    assert.deepEqual(found.map((d) => covered(text, d)), ['<persn>', '<Loc>', '<reddacted>', '<Persn>']);
    assert.deepEqual(new Set(found.map((d) => d.range.start.line)).size, 4);
  });
  it('ignores angle brackets that are not marker-shaped', () => {
    assert.deepEqual(withCode(withField('Outcome description', '**Outcome description**: 3 < 5 and 7 > 2, a<b, <3'), 'unknown-marker'), []);
  });
});
