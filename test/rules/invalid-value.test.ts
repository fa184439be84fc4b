import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileSchema, DEFAULT_SCHEMA_DATA, validate } from '../../server/src/core';
import { VALID_RECORD, withField } from '../support/fixtures';
import { check, covered, withCode } from '../support/check';

function invalid(key: string, line: string) {
  const text = withField(key, line);
  return { text, found: withCode(text, 'invalid-value') };
}

describe('invalid-value', () => {
  it('accepts every value of a valid record', () => {
    assert.deepEqual(withCode(VALID_RECORD, 'invalid-value'), []);
  });
  it('closed list: meduim → medium, with the nearest values in data', () => {
    const { text, found } = invalid('Rating significance', '**Rating significance**: meduim');
    assert.equal(found.length, 1);
    assert.equal(covered(text, found[0]), 'meduim');
    assert.equal(found[0].severity, 1);
    assert.equal(found[0].message, '"meduim" is not an allowed value for Rating significance. Did you mean "medium"? Allowed values: low, medium or high.');
    assert.deepEqual(found[0].data, { fix: 'replace', suggestions: ['medium'] });
  });
  it('closed list with nothing close still carries the nearest values', () => {
    const { found } = invalid('Scale', '**Scale**: Worldwide');
    assert.equal((found[0].data as { suggestions: string[] }).suggestions.length, 3);
  });
  it('flag: N0 → NO', () => {
    const { found } = invalid('Outcome is negative', '**Outcome is negative**: N0');
    assert.match(found[0].message, /Did you mean "NO"\? Write YES or NO\./);
    assert.deepEqual(found[0].data, { fix: 'replace', suggestions: ['NO'] });
  });
  it('year: not four digits, too early, too late; next year is only a warning', () => {
    assert.match(invalid('Year', '**Year**: 20245').found[0].message, /is not a year/);
    assert.deepEqual(invalid('Year', '**Year**: FY2024').found[0].data, { fix: 'replace', suggestions: ['2024'] });
    assert.match(invalid('Year', '**Year**: 1985').found[0].message, /outside the accepted years for Year: 1990 to 2027/);
    assert.equal(invalid('Year', '**Year**: 2028').found[0].severity, 1);
    const next = invalid('Year', '**Year**: 2027').found;
    assert.equal(next[0].severity, 2);
    assert.match(next[0].message, /next year/);
  });
  it('FragmentID must be PREFIX-segment/segment; markers may stand for segments', () => {
    assert.deepEqual(invalid('FragmentID', '**FragmentID**: SCC-<redacted>/<redacted>').found, []);
    assert.deepEqual(invalid('FragmentID', '**FragmentID**: ABC-12/X.3').found, []);
    const { found } = invalid('FragmentID', '**FragmentID**: PHR012');
    assert.match(found[0].message, /PREFIX-segment\/segment/);
  });
  it('harvest period must read "harvest N"', () => {
    assert.match(invalid('OH-harvesting period', '**OH-harvesting period**: third harvest').found[0].message, /harvest and a number/);
  });
  it('objective must be CODE: label', () => {
    assert.match(invalid('Link to SCC Specific Objectives', '**Link to SCC Specific Objectives**: gender').found[0].message, /objective code, a colon and its label/);
  });
  it('a closed value is its first line: what follows is a text-after-value note, not part of the value', () => {
    assert.deepEqual(invalid('Scale', '**Scale**: Local\nand regional').found, []);
    const { text, found } = invalid('Scale', '**Scale**: Locl\nand regional');
    assert.equal(found.length, 1);
    assert.equal(covered(text, found[0]), 'Locl');
  });
  it('accepts a value that is only a redaction marker, in every kind of field', () => {
    for (const [key, line] of [
      ['Scale', '**Scale**: <redacted>'],
      ['Year', '**Year**: <redacted>'],
      ['coutnry', '**coutnry**: <LOC>'],
      ['The change was unintended', '**The change was unintended**: <redacted>'],
      ['FragmentID', '**FragmentID**: <redacted>'],
      ['MCQType of change', '**MCQType of change**: New structure, <redacted>'],
    ]) {
      const text = withField(key, line);
      assert.deepEqual(check(text), [], line);
    }
  });
  it('still checks a value that only holds a marker among other text', () => {
    assert.equal(invalid('Scale', '**Scale**: <redacted> Local').found.length, 1);
  });
  it('closed multi-choice items are checked one by one (team schemas)', () => {
    const data = structuredClone(DEFAULT_SCHEMA_DATA);
    const multi = data.fields.find((f) => f.key === 'MCQType of change');
    assert.ok(multi);
    multi.open = false;
    const text = withField('MCQType of change', '**MCQType of change**: New structure, New strcture');
    const found = validate(text, { schema: compileSchema(data) }).filter((d) => d.code === 'invalid-value');
    assert.equal(found.length, 1);
    assert.equal(covered(text, found[0]), 'New strcture');
  });
});
