import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seed, VALID_RECORD, withField } from '../support/fixtures';
import { covered, withCode } from '../support/check';

const KEY = 'Evidence supporting the outcome statement';
const evidence = (text: string) => withField(KEY, `**${KEY}**: ${text}`, VALID_RECORD);

describe('placeholder-evidence', () => {
  it('asks for the link on seed 000 ("Link for the activities"); seed 001 names a source behind a marker', () => {
    const found = withCode(seed(0), 'placeholder-evidence');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 3);
    assert.equal(found[0].message, 'This speaks of a link, but no link is given. Where can a reviewer find the evidence?');
    assert.equal(covered(seed(0), found[0]), 'Link for the activities');
    assert.deepEqual(withCode(seed(1), 'placeholder-evidence'), []);
  });

  it('asks where the evidence is when the answer is a placeholder', () => {
    for (const answer of ['Yes', 'yes.', 'N/A', 'See report', 'Yes, see the report', 'TBD', 'attached']) {
      const text = evidence(answer);
      const found = withCode(text, 'placeholder-evidence');
      assert.equal(found.length, 1, answer);
      assert.match(found[0].message, /does not point to anything a reviewer can check\. Where is the evidence/);
      assert.equal(covered(text, found[0]), answer);
    }
  });

  it('finds the longest placeholders however they are written, and none in longer answers', () => {
    for (const answer of ['YES, AVAILABLE ON REQUEST', 'yes - available on request!', 'No; to be confirmed', `Yes${'.'.repeat(3000)}`, 'Yes — see the reports…']) {
      assert.equal(withCode(evidence(answer), 'placeholder-evidence').length, 1, answer);
    }
    for (const answer of ['Yes, available on request from the partner', 'Available on request (the minutes)', 'Yes available on requests']) {
      assert.deepEqual(withCode(evidence(answer), 'placeholder-evidence'), [], answer);
    }
  });

  it('leaves named sources and given links alone', () => {
    for (const answer of [
      'Project reports',
      'Minutes of the council meeting, 12 May 2024',
      'Link: https://example.org/minutes-2024',
      'Links in the shared folder harvest/2024/minutes.pdf',
      'Yes (the partner’s quarterly reports, Q2 and Q3 2024)',
    ]) {
      assert.deepEqual(withCode(evidence(answer), 'placeholder-evidence'), [], answer);
    }
  });

  it('says nothing on empty values and on values with a marker, which may hide the source', () => {
    for (const answer of ['', '<redacted>', 'Link: <redacted>', 'Yes (<person> project reports)']) {
      assert.deepEqual(withCode(evidence(answer), 'placeholder-evidence'), [], answer);
    }
  });

  it('says nothing on answers in other languages it cannot judge', () => {
    for (const answer of ['Voir les rapports du partenaire', 'تقارير المشروع']) {
      assert.deepEqual(withCode(evidence(answer), 'placeholder-evidence'), [], answer);
    }
  });
});
