import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VALID_RECORD, withField } from '../support/fixtures';
import { covered, withCode } from '../support/check';

describe('unknown-field', () => {
  it('knows every key of the default schema, spelled as the export spells it', () => {
    assert.deepEqual(withCode(VALID_RECORD, 'unknown-field'), []);
  });
  it('suggests the spelling a person writes, and says both spellings are accepted: Contry → country', () => {
    const text = withField('coutnry', '**Contry**: Syria');
    const [d] = withCode(text, 'unknown-field');
    assert.equal(d.severity, 2);
    assert.equal(covered(text, d), 'Contry');
    assert.equal(d.message, '"Contry" is not a field of this fragment format. Did you mean "country"? (The export writes it "coutnry"; both spellings are accepted.)');
    assert.deepEqual(d.data, { fix: 'rename-key', suggestions: ['country'] });
  });
  it('suggests the schema key when the key is the nearest name', () => {
    const [d] = withCode(withField('Scale', '**Scael**: Local'), 'unknown-field');
    assert.equal(d.message, '"Scael" is not a field of this fragment format. Did you mean "Scale"?');
  });
  it('reads a key with other capitals as that field, and asks for the schema spelling', () => {
    const text = withField('Year', '**year**: 2024');
    const [d] = withCode(text, 'unknown-field');
    assert.match(d.message, /Write the field name as "Year"/);
    assert.deepEqual(withCode(text, 'missing-field'), [], 'the field still counts as present');
  });
  it('says a field has no name when nothing stands between ** and ** (found by npm run fuzz)', () => {
    const text = `${VALID_RECORD}\n** **: Link to Outcomes\n**  **:`;
    const found = withCode(text, 'unknown-field');
    assert.deepEqual(found.map((d) => covered(text, d)), ['** **', '**  **']);
    assert.equal(found[0].message, 'This field has no name between ** and **. Write the field name there, for example **Scale**:');
    assert.deepEqual(found[0].data, { fix: 'rename-key', suggestions: [] });
  });
  it('offers no suggestion for a key unlike any other', () => {
    const [d] = withCode(`${VALID_RECORD}\n**Budget line**: 12`, 'unknown-field');
    assert.deepEqual(d.data, { fix: 'rename-key', suggestions: [] });
    assert.equal(d.message, '"Budget line" is not a field of this fragment format.');
  });
});
