import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VALID_RECORD, withField } from '../support/fixtures';
import { check, covered, withCode } from '../support/check';

describe('malformed-field', () => {
  it('leaves well-formed records and bold words in prose alone', () => {
    assert.deepEqual(withCode(VALID_RECORD, 'malformed-field'), []);
    const prose = withField('Outcome description', '**Outcome description**: They said:\n**not** yet, and *maybe* later: fine.');
    assert.deepEqual(withCode(prose, 'malformed-field'), []);
  });
  for (const [line, problem] of [
    ['**Scale: Local', 'the closing ** after the key is missing'],
    ['**Scale**Local', 'the colon after the key is missing'],
    ['Scale: Local', 'the key is not written between ** and **'],
    ['**Scale:** Local', 'the colon is inside the ** markers'],
    ['  **Scale**: Local', 'the line does not start at the left margin'],
    ['__Scale__: Local', 'the key is written between __ and __ instead of ** and **'],
    ['__Scale:__ Local', 'the key is written between __ and __ instead of ** and **, with the colon inside them'],
    ['- **Scale**: Local', 'it starts with a list bullet \\("-"\\)'],
    ['* **Scale**: Local', 'it starts with a list bullet \\("\\*"\\)'],
    ['+ **Scale:** Local', 'it starts with a list bullet \\("\\+"\\)'],
    ['- __Scale__: Local', 'it starts with a list bullet'],
  ]) {
    it(`recognises ${JSON.stringify(line)}`, () => {
      const text = withField('Scale', line);
      const [d] = withCode(text, 'malformed-field');
      assert.ok(d, 'reported');
      assert.equal(d.severity, 2);
      assert.equal(covered(text, d), line.trim());
      assert.match(d.message, new RegExp(problem.includes('\\') ? problem : problem.replace(/[*]/g, '\\*')));
      assert.deepEqual(d.data, { fix: 'rewrite-line', replacement: '**Scale**: Local' });
    });
  }
  it('reads an unknown key in Markdown bold as almost a field, but not a bold word or a bullet of notes', () => {
    const [d] = withCode(`${VALID_RECORD}\n__Partner__: Partner A`, 'malformed-field');
    assert.deepEqual(d.data, { fix: 'rewrite-line', replacement: '**Partner**: Partner A' });
    const notes = withField('Outcome description', '**Outcome description**: They met twice:\n- **first**: in May\n* second: in June\nwith __init__ and __main__: fine');
    assert.deepEqual(withCode(notes, 'malformed-field'), []);
  });
  it('stays silent about headings and separator lines between records, and keeps them out of values', () => {
    const second = VALID_RECORD.replace('PHR012', 'PHR013');
    for (const separator of ['---', '***', '___', '- - -', '# Record 2', '## Record 2', '---\n\n# Record 2\n']) {
      const text = `# Record 1\n${VALID_RECORD}\n${separator}\n${second}\n***\n`;
      assert.deepEqual(check(text), [], JSON.stringify(separator));
    }
  });
  it('does not read the malformed line into the previous value', () => {
    const text = withField('Scale', '**Scale: Local');
    assert.deepEqual(withCode(text, 'invalid-value'), [], 'Rating significance keeps its own value');
  });
});
