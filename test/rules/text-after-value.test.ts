import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getDefaultSchema, parseWithSchema } from '../../server/src/core';
import { quickFixes } from '../../server/src/core/features/quick-fixes';
import { applyEdits } from '../../server/src/core/features/shared';
import { VALID_RECORD, withField } from '../support/fixtures';
import { check, covered, withCode } from '../support/check';

const NOTE = 'The partners had not planned this.';
const URI = 'file:///test.fragment';

describe('text-after-value', () => {
  it('is silent on a valid record, and on text fields that run over several lines', () => {
    assert.deepEqual(withCode(VALID_RECORD, 'text-after-value'), []);
    const text = withField('Outcome description', `**Outcome description**: First line.\nSecond line.`);
    assert.deepEqual(withCode(text, 'text-after-value'), []);
  });

  it('reports the note after a flag value on its own, and checks the flag value alone', () => {
    const text = withField('The change was unintended', `**The change was unintended**: yes\n${NOTE}`);
    const [note] = withCode(text, 'text-after-value');
    assert.equal(note.severity, 2);
    assert.equal(covered(text, note), NOTE);
    assert.equal(
      note.message,
      'The text on the lines after "yes" is not part of the answer to "The change was unintended", which takes one value on its own line. ' +
        'If this text is a note, move it into a text field of the record; if it is not needed, delete it.',
    );
    assert.deepEqual(note.data, { fix: 'none' });
    // The answer is "yes": a capitals problem on that word alone, not an invalid "yes The partners…".
    assert.deepEqual(withCode(text, 'invalid-value'), []);
    const [cased] = withCode(text, 'value-case');
    assert.equal(covered(text, cased), 'yes');
  });

  it('the fix for the answer keeps the note (it used to delete it)', () => {
    const text = withField('The change was unintended', `**The change was unintended**: yes\n${NOTE}`);
    const schema = getDefaultSchema();
    const diagnostics = check(text);
    const actions = quickFixes({ document: parseWithSchema(text, schema), schema, uri: URI }, diagnostics.filter((d) => d.code === 'value-case'));
    assert.deepEqual(actions.map((a) => a.title), ['Replace "yes" with "YES"']);
    const fixed = applyEdits(text, actions[0].edit!.changes![URI]);
    assert.ok(fixed.includes(`**The change was unintended**: YES\n${NOTE}`), fixed);
  });

  it('covers closed lists, open lists and years; an invalid first line is replaced alone', () => {
    const text = withField('Scale', '**Scale**: Locall\nonly in two districts\nand a village');
    const [note] = withCode(text, 'text-after-value');
    assert.deepEqual([note.range.start.line, note.range.end.line], [11, 12], "the two lines after Scale (line 10)");
    const [invalid] = withCode(text, 'invalid-value');
    assert.equal(covered(text, invalid), 'Locall');
    assert.equal(withCode(withField('coutnry', '**coutnry**: Syria\n(north-west)'), 'text-after-value').length, 1);
    assert.equal(withCode(withField('Year', '**Year**: 2024\nor 2023'), 'text-after-value').length, 1);
    assert.deepEqual(withCode(withField('Year', '**Year**: 2024\nor 2023'), 'invalid-value'), []);
  });

  it('leaves a multi-choice list that wraps over lines alone', () => {
    const text = withField('MCQType of change', '**MCQType of change**: New structure,\nSeeking public support');
    assert.deepEqual(withCode(text, 'text-after-value'), []);
    assert.deepEqual(withCode(text, 'unknown-value'), []);
  });

  it('reads a value alone on the line below its key as the answer, with no note', () => {
    const text = withField('Scale', '**Scale**:\nLocal');
    assert.deepEqual(check(text), []);
  });
});
