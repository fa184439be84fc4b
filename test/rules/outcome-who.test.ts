import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seed, VALID_RECORD, withField } from '../support/fixtures';
import { covered, withCode } from '../support/check';

const described = (text: string) => withField('Outcome description', `**Outcome description**: ${text}`, VALID_RECORD);
const OUTPUT = "This reads like an output of the programme, not an outcome. What changed in someone else because of it: who does what differently?";
const NO_ACTOR = 'This outcome does not say who changed. Which person, group or organisation did something differently?';

describe('outcome-who', () => {
  it('finds a social actor in both seeds (a marker for a name is someone)', () => {
    assert.deepEqual(withCode(seed(0), 'outcome-who'), []);
    assert.deepEqual(withCode(seed(1), 'outcome-who'), []);
  });

  it("points at the programme's own activity opening the outcome, as information", () => {
    for (const [outcome, phrase] of [
      ['In 2024, the project trained 40 teachers in inclusive methods.', 'the project trained'],
      ['We organised three dialogue sessions with elders in 2024.', 'We organised'],
      ['Workshops were held for 60 women in <LOC> in 2024.', 'Workshops were held'],
      ['In 2024, a series of awareness sessions was conducted in four villages.', 'a series of awareness sessions was conducted'],
      ['Our team has facilitated monthly meetings with the council since 2023.', 'Our team has facilitated'],
    ]) {
      const text = described(outcome);
      const found = withCode(text, 'outcome-who');
      assert.equal(found.length, 1, outcome);
      assert.equal(found[0].message, OUTPUT);
      assert.equal(found[0].severity, 3);
      assert.equal(covered(text, found[0]), phrase);
    }
  });

  it('asks who changed when no one did', () => {
    for (const outcome of ['Increased awareness of women’s rights in the district in 2024.', 'In 2024, a coalition of women’s groups was formed in <LOC>.']) {
      const found = withCode(described(outcome), 'outcome-who');
      assert.deepEqual(found.map((d) => d.message), [NO_ACTOR], outcome);
    }
  });

  it('leaves outcomes alone: a changed actor, an activity followed by its change, a passive with its actor', () => {
    for (const outcome of [
      'In 2024, 40 teachers in <LOC> began to use inclusive methods in their classes.',
      'The project trained 40 teachers in 2023; as a result, they now use inclusive methods.',
      'In 2024, a coalition of women’s groups was formed by <person> in <LOC>.',
      'Displaced women in <LOC> formed a savings group in 2024.',
      'Increased numbers of women voted in the 2024 local elections.',
      'The municipal council adopted a by-law on girls’ schooling in 2024.',
    ]) {
      assert.deepEqual(withCode(described(outcome), 'outcome-who'), [], outcome);
    }
  });

  it('reads outcomes written in capitals, and in English with a word or two of another language', () => {
    for (const outcome of ['WE ORGANISED TRAININGS FOR THE WOMEN OF THE VILLAGE IN 2024.', 'In 2024, the project trained the staff of la comisión and of the district.']) {
      assert.deepEqual(withCode(described(outcome), 'outcome-who').map((d) => d.message), [OUTPUT], outcome);
    }
  });

  it('says nothing on empty values, markers only and records in other languages', () => {
    for (const outcome of [
      '',
      '<redacted>',
      'Le projet a organisé des ateliers pour 60 femmes en 2024.',
      'نظم المشروع ورشات عمل لستين امرأة في عام 2024.',
    ]) {
      assert.deepEqual(withCode(described(outcome), 'outcome-who'), [], outcome);
    }
  });
});
