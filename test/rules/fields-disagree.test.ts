import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seed, VALID_RECORD, withField } from '../support/fixtures';
import { covered, withCode } from '../support/check';

const GEQ = 'GEQ: More equal gender roles and relationships and transformation of harmful gender norms';

describe('fields-disagree', () => {
  it('finds the seeds coherent (001: PHR012 and PHR; 000 has a redacted code)', () => {
    assert.deepEqual(withCode(seed(0), 'fields-disagree'), []);
    assert.deepEqual(withCode(seed(1), 'fields-disagree'), []);
  });

  it('asks which objective is right when the FragmentID code and the linked objective differ', () => {
    const text = withField('Link to SCC Specific Objectives', `**Link to SCC Specific Objectives**: ${GEQ}`);
    const found = withCode(text, 'fields-disagree');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 3);
    assert.match(found[0].message, /^The code here \(GEQ\) is not the one in FragmentID \(PHR\)\. Which one is right\?/);
    assert.equal(covered(text, found[0]), 'GEQ');
    assert.equal(found[0].relatedInformation?.[0].message, 'FragmentID has the code PHR.');
    assert.equal(found[0].relatedInformation?.[0].location.range.start.line, 0);
  });

  it('does not compare a code its pattern does not find (redacted, another format)', () => {
    for (const id of ['SCC-<redacted>/<redacted>', 'SCC-1/2024', 'SCC-<redacted>/GEQ']) {
      const text = withField('FragmentID', `**FragmentID**: ${id}`, withField('Link to SCC Specific Objectives', `**Link to SCC Specific Objectives**: ${GEQ}`));
      assert.deepEqual(withCode(text, 'fields-disagree'), [], id);
    }
  });

  it('points at the types of change when none of them is of the cluster', () => {
    const text = withField('TypeOfChangeCluster', '**TypeOfChangeCluster**: Gender');
    const found = withCode(text, 'fields-disagree');
    assert.deepEqual(found.map((d) => covered(text, d)), ['New structure, Seeking public support']);
    assert.match(found[0].message, /^None of "New structure" and "Seeking public support" is listed with "Gender" in TypeOfChangeCluster\. Does the choice fit, or is TypeOfChangeCluster wrong\?/);
    assert.equal(found[0].relatedInformation?.[0].message, 'TypeOfChangeCluster is "Gender".');
    const one = withField('MCQType of change', '**MCQType of change**: Gender transformative', withField('TypeOfChangeCluster', '**TypeOfChangeCluster**: Mobilizing citizens and organizations'));
    const [single] = withCode(one, 'fields-disagree');
    assert.match(single.message, /^"Gender transformative" is not listed with "Mobilizing citizens and organizations" in TypeOfChangeCluster\./);
    assert.equal(covered(one, single), 'Gender transformative');
  });

  it('accepts several types of change when one of them is of the cluster', () => {
    const text = withField('MCQType of change', '**MCQType of change**: Gender transformative, New structure', withField('TypeOfChangeCluster', '**TypeOfChangeCluster**: Gender'));
    assert.deepEqual(withCode(text, 'fields-disagree'), []);
  });

  it('does not judge choices or clusters the relation does not list, nor empty and redacted values', () => {
    for (const [types, cluster] of [
      ['Municipal policy', 'Gender'],
      ['New structure', 'Economic empowerment'],
      ['New structure', ''],
      ['New structure', '<redacted>'],
      ['', 'Gender'],
      ['gender transformative', 'gender'],
    ]) {
      const text = withField('MCQType of change', `**MCQType of change**: ${types}`, withField('TypeOfChangeCluster', `**TypeOfChangeCluster**: ${cluster}`));
      assert.deepEqual(withCode(text, 'fields-disagree'), [], `${types} / ${cluster}`);
    }
    assert.deepEqual(withCode(VALID_RECORD, 'fields-disagree'), []);
  });
});
