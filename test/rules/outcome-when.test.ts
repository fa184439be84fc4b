import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seed, VALID_RECORD, withField } from '../support/fixtures';
import { covered, withCode } from '../support/check';

/** VALID_RECORD (Year 2024) with the outcome description replaced. */
const described = (text: string, year = '2024') =>
  withField('Year', `**Year**: ${year}`, withField('Outcome description', `**Outcome description**: ${text}`, VALID_RECORD));

describe('outcome-when', () => {
  it('asks when, on seed 000: its description names no time (Year 2025); seed 001 names 2024, its Year', () => {
    const found = withCode(seed(0), 'outcome-when');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 3);
    assert.equal(found[0].message, 'No time is named in this outcome. When did the change happen?');
    assert.equal(covered(seed(0), found[0]), 'Outcome description');
    assert.deepEqual(withCode(seed(1), 'outcome-when'), []);
  });

  it('asks which year when the years named cannot be the Year, on the first of them', () => {
    const text = described('In 2023, the district council adopted a by-law on the schooling of girls.', '2025');
    const found = withCode(text, 'outcome-when');
    assert.equal(found.length, 1);
    assert.equal(found[0].message, 'This outcome names 2023, but Year says 2025. In which year did the change happen?');
    assert.equal(covered(text, found[0]), '2023');
  });

  it('asks each record of a file about its own years and its own Year field', () => {
    const record = (id: string, yearLine: string, named = '2023') =>
      withField('FragmentID', `**FragmentID**: SCC-<redacted>/${id}`, withField('Year', yearLine, described(`In ${named}, the district council adopted a by-law on the schooling of girls.`)));
    const text = [record('PHR012', '**Year**: 2025'), record('PHR013', '**Year**: 2022'), record('PHR014', '**year**: 2025'), record('PHR015', '**Year**: 2025'), record('PHR016', '**Year**: 2025', '2021')].join('\n');
    assert.deepEqual(
      withCode(text, 'outcome-when').map((d) => d.message),
      [
        'This outcome names 2023, but Year says 2025. In which year did the change happen?',
        'This outcome names 2023, but Year says 2022. In which year did the change happen?',
        'This outcome names 2023, but year says 2025. In which year did the change happen?',
        'This outcome names 2023, but Year says 2025. In which year did the change happen?',
        'This outcome names 2021, but Year says 2025. In which year did the change happen?',
      ],
    );
  });

  it('accepts months, seasons, periods and years that can be the Year: the same, a span, a start, an end', () => {
    for (const outcome of [
      'In March, the district council adopted a by-law on the schooling of girls.',
      'Since the elections, the district council has met with the women of the village.',
      'Over the last two years the council has met with the women of the village.',
      'The council adopted a by-law in the spring of that year.',
      'Between 2022 and 2025 the council met with the women of the village every month.',
      'Since 2022 the council has met with the women of the village.',
      'In 2024 the council adopted a by-law on the schooling of girls.',
      'By 2026 the council will have adopted a by-law; it started drafting it with the women.',
    ]) {
      assert.deepEqual(withCode(described(outcome), 'outcome-when'), [], outcome);
    }
  });

  it('says nothing on empty values, markers only, too-short values and text in other languages', () => {
    for (const outcome of [
      '',
      '<redacted>',
      '<redacted>, <LOC>.',
      'Women organised.',
      // French and Arabic: no English time words, but the rule cannot read these languages, so it does not guess.
      'Trois groupes d’hommes de <LOC> ont lancé une collaboration contre la violence faite aux femmes.',
      'أطلقت ثلاث مجموعات من الرجال في <LOC> تعاوناً لمكافحة العنف ضد النساء.',
    ]) {
      assert.deepEqual(withCode(described(outcome), 'outcome-when'), [], outcome);
    }
  });

  it('compares years only in the language it reads: a French outcome with another year is not judged', () => {
    assert.deepEqual(withCode(described('En 2021, les femmes du village ont créé une association.'), 'outcome-when'), []);
  });

  it('reads time words in any case, and "may" only as the month', () => {
    for (const outcome of [
      'IN MAY THE DISTRICT COUNCIL ADOPTED A BY-LAW ON THE SCHOOLING OF GIRLS.',
      'Since May, the women of the village have met the council.',
      'The council has met the women of the village Every Week.',
      'The women of the village met the council in mid-May and in SEPTEMBER.',
      'The council adopted a by-law on the schooling of girls on 12/05/2024.',
      'The council has met the women of the village in Q3.',
    ]) {
      assert.deepEqual(withCode(described(outcome), 'outcome-when'), [], outcome);
    }
    for (const outcome of ['The women of the village may now speak at the council.', 'MAY THE WOMEN OF THE VILLAGE SPEAK AT THE COUNCIL?']) {
      assert.equal(withCode(described(outcome), 'outcome-when').length, 1, outcome);
    }
  });

  // The two letters whose lower case holds ASCII: "İ" (to "i̇") and the Kelvin sign (to "k"). The time words and the
  // language are read as in the lower-cased text, there too.
  it('reads a text with "İ" or the Kelvin sign as its lower case reads', () => {
    // Lower case "week": a time is named.
    assert.deepEqual(withCode(described('The women of the village now meet the council every WEE\u212A and speak there.'), 'outcome-when'), []);
    // Lower case "yeari̇": "year" runs on into the "i", so it is not a word of its own.
    assert.equal(withCode(described('The women of the village met the council in the last YEAR\u0130 and spoke there.'), 'outcome-when').length, 1);
    // Lower case "foi̇" and "qui̇": two Portuguese and French words against one English word, so not judged English.
    assert.deepEqual(withCode(described('THE COUNCIL FO\u0130 QU\u0130 DECIDED TO MEET.'), 'outcome-when'), []);
  });

  it('judges text mostly in English and mostly in Latin letters, whatever words or letters of other languages it holds', () => {
    for (const outcome of [
      'The women of the village and the police of the district met; la comisión agreed to listen to them.',
      'The council of the village (المجلس) met the women and the police of the district.',
      'The women’s group of the village was registered with the district and the police.',
    ]) {
      assert.equal(withCode(described(outcome), 'outcome-when').length, 1, outcome);
    }
    for (const outcome of [
      'Les femmes et les hommes du village ont créé une association with the youth.',
      'اجتمع المجلس البلدي للقرية مع النساء والشرطة in the village of the district.',
      'The 村の女性たちは地区の警察と話し合いを始めた with the police.',
    ]) {
      assert.deepEqual(withCode(described(outcome), 'outcome-when'), [], outcome);
    }
  });

  it('reads time words only in the start of a long value', () => {
    const padding = 'The council met the women of the village and the police of the district. '.repeat(60);
    assert.ok(padding.length > 4000);
    assert.equal(withCode(described(`${padding}In May it adopted a by-law.`), 'outcome-when').length, 1);
    assert.deepEqual(withCode(described(`In May the council adopted a by-law. ${padding}`), 'outcome-when'), []);
  });

  it('reads a bounded start of a megabyte value', () => {
    const long = described(`The council ${'met the women of the village and '.repeat(40_000)}agreed.`);
    assert.equal(withCode(long, 'outcome-when').length, 1);
  });
});
