import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seed } from '../support/fixtures';
import { covered, withCode } from '../support/check';
import { confidentialWith, markedConfidential } from '../support/confidential';

const drifts = (text: string) => withCode(text, 'redaction-drift').map((d) => covered(text, d));

describe('redaction-drift', () => {
  it('finds the words the merged story of seed 000 redacts but the description and significance show, as information', () => {
    const text = seed(0);
    const found = withCode(text, 'redaction-drift');
    assert.deepEqual(
      found.map((d) => `${d.range.start.line + 1} ${covered(text, d)}`),
      [
        '6 grassroots', '6 addressing', '6 inequality', '6 advocating', '6 combatting',
        '7 advocating', '7 previously', '7 addressing structural', '7 supporting collective', '7 mobilizing', '7 grassroots',
      ],
    );
    assert.ok(found.every((d) => d.severity === 3));
    assert.deepEqual(found[0].data, { fix: 'redact', markers: ['<redacted>'], everywhere: 'grassroots' });
    assert.match(found[0].message, /^"grassroots" is redacted as <redacted> in "StoryFragment_Merged" but written out here\./);
  });

  it('finds a name one field hides and another shows, in the field that shows it', () => {
    const text = confidentialWith({
      'Outcome description': 'In 2024, <person> led in <LOC> the building of a coalition of women and youth organisations.',
      'StoryFragment_Merged': 'In 2024, Amal Haddad led in <LOC> the building of a coalition of women and youth organisations.',
    });
    const found = withCode(text, 'redaction-drift');
    assert.deepEqual(found.map((d) => covered(text, d)), ['Amal Haddad']);
    assert.equal(found[0].range.start.line, 19);
    assert.deepEqual(found[0].data, { fix: 'redact', markers: ['<person>'], everywhere: 'Amal Haddad' });
  });

  it('aligns any script: a name hidden in one Arabic value and written in another', () => {
    const text = confidentialWith({
      'Outcome description': 'قاد <person> في عام 2024 بناء تحالف من منظمات النساء والشباب.',
      'Significance of the outcome': 'قاد أحمد في عام 2024 بناء تحالف من منظمات النساء والشباب.',
    });
    assert.deepEqual(drifts(text), ['أحمد']);
  });

  it('finds a drift whatever stands between the words next to the marker and the word in clear', () => {
    // Each case is a place the text search that decides which values are aligned at all (mayHaveDrift) must not pass
    // over: most cases match the words on one side of the marker only, so that side alone must be found.
    const cases: [values: Record<string, string>, found: string][] = [
      // A tab between the words before the marker and the name in clear (the words after it are spaced otherwise).
      [{ 'Outcome description': 'In 2024, <person> led  the coalition of youth groups.', 'Significance of the outcome': 'In 2024,\tAmal led the coalition of youth groups.' }, 'Amal'],
      // A name of letters beyond ASCII, right after the words before the marker (the words after it spaced otherwise).
      [{ 'Outcome description': 'Three groups of men in <LOC> started  a coalition.', 'Significance of the outcome': 'Three groups of men in Ørebro started a coalition.' }, 'Ørebro'],
      // The words before the marker open the clear value, which is not the record's first text value.
      [{ 'Outcome description': 'Police in <LOC> district ,started referring survivors.', 'StoryFragment_Merged': 'Police in Tyre district, started referring survivors.' }, 'Tyre'],
      // The words before the marker come right after a bracket.
      [{ 'Outcome description': 'They said (police in <LOC> district ,started referring survivors).', 'Significance of the outcome': 'They said (police in Tyre district, started referring survivors).' }, 'Tyre'],
      // The words before the marker are spaced otherwise in the clear value: only the words after it point there,
      // a tab after the name in clear.
      [{ 'Outcome description': 'In 2024 ,<person> led the coalition of youth groups.', 'Significance of the outcome': 'In 2024, Amal\tled the coalition of youth groups.' }, 'Amal'],
      // The marker is one word from the end of the values.
      [{ 'Outcome description': 'The coalition of youth groups was led by <person> alone', 'Significance of the outcome': 'The coalition of youth groups was led by Amal alone' }, 'Amal'],
      // A joiner inside the words next to the marker, and a comma right after it.
      [{ 'Outcome description': 'The women’s committee met <person>, the mayor, in March.', 'Significance of the outcome': 'The women’s committee met Hassan, the mayor, in March.' }, 'Hassan'],
      // The drift lies past 4,000 characters of the clear value.
      [{ 'Outcome description': `${'The project trained staff. '.repeat(200)}In 2024, <person> led  the coalition of youth groups.`, 'Significance of the outcome': `${'The project trained staff. '.repeat(200)}In 2024, Amal led the coalition of youth groups.` }, 'Amal'],
    ];
    for (const [values, found] of cases) assert.deepEqual(drifts(confidentialWith(values)), [found], JSON.stringify(values).slice(0, 200));
  });

  it('finds a drift when the words around the marker are spaced otherwise in the two fields', () => {
    // Exports double spaces and put spaces before commas; the words are the same words. Each case fails when the
    // search that decides which values are aligned compares the neighbouring words as written.
    const cases: [values: Record<string, string>, found: string][] = [
      [{ 'Outcome description': 'In 2024 , <person> led  the coalition of youth groups.', 'Significance of the outcome': 'In 2024, Amal led the coalition of youth groups.' }, 'Amal'],
      [{ 'Outcome description': 'Three groups of men  in <LOC> started  a coalition.', 'Significance of the outcome': 'Three groups of men in Tyre started a coalition.' }, 'Tyre'],
      // The words before the marker start with a comma, right after a word in the clear value.
      [{ 'Outcome description': 'Women of the city , the <person> group  met the mayor.', 'Significance of the outcome': 'Women of the city, the Hope group met the mayor.' }, 'Hope'],
    ];
    for (const [values, found] of cases) assert.deepEqual(drifts(confidentialWith(values)), [found], JSON.stringify(values));
  });

  it('stays silent where the alignment is not clear', () => {
    const cases = [
      // The other field says something else around the marker.
      { 'Outcome description': 'The committee met <person> in March.', 'Significance of the outcome': 'Women now speak more often in council sessions.' },
      // A marker for four words or more is no evidence of which words it hides.
      { 'Outcome description': 'The group met <person> to agree the plan.', 'Significance of the outcome': 'The group met the head of the council to agree the plan.' },
      // Only one shared word on a side.
      { 'Outcome description': 'Yesterday <person> agreed.', 'Significance of the outcome': 'Then Amal Haddad agreed.' },
      // Both fields hide it.
      { 'Outcome description': 'In 2024, <person> led the coalition.', 'Significance of the outcome': 'In 2024, <person> led the coalition.' },
      // A marker in place of a word too common to mean anything.
      { 'Outcome description': 'In 2024, leaders of <LOC> city joined.', 'Significance of the outcome': 'In 2024, leaders of the city joined.' },
    ];
    for (const values of cases) assert.deepEqual(drifts(confidentialWith(values)), [], JSON.stringify(values));
  });

  it('never fires on a value that is only a marker or empty, nor in a record that is not confidential', () => {
    assert.deepEqual(drifts(confidentialWith({ 'Outcome description': '<person>', 'Significance of the outcome': 'Amal' })), []);
    assert.deepEqual(drifts(confidentialWith({ 'Outcome description': 'In 2024, <person> led the coalition.', 'Significance of the outcome': '' })), []);
    const open = seed(0).replace('CONFIDENTIAL**: 1.0', 'CONFIDENTIAL**: 0.0');
    assert.deepEqual(drifts(open), []);
    assert.deepEqual(drifts(markedConfidential(seed(1))).length, 2, 'seed 001 once marked confidential');
  });

  it('reads megabyte values to an end without hanging', () => {
    const long = `${'word <redacted> '.repeat(60_000)}end`;
    const text = confidentialWith({ 'Outcome description': long, 'Significance of the outcome': `${'word other '.repeat(60_000)}end` });
    assert.deepEqual(drifts(text), []);
    const different = confidentialWith({ 'Outcome description': `a <person> b ${'x '.repeat(3000)}`, 'Significance of the outcome': `a Amal b ${'y '.repeat(3000)}` });
    assert.ok(Array.isArray(drifts(different)));
  });
});
