import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from '../../server/src/core';
import { loadSchemaText } from '../../server/src/core/schema/load';
import { NOW, seed, withField } from '../support/fixtures';
import { covered, withCode } from '../support/check';

/** VALID_RECORD marked confidential, with the description replaced. */
function confidential(description: string, flag = '1.0'): string {
  const marked = withField('Outcome statements is CONFIDENTIAL', `**Outcome statements is CONFIDENTIAL**: ${flag}`);
  return withField('Outcome description', `**Outcome description**: ${description}`, marked);
}

describe('pii', () => {
  it('finds nothing in the seeds (000 is confidential)', () => {
    assert.match(seed(0), /CONFIDENTIAL\*\*: 1\.0/);
    assert.deepEqual(withCode(seed(0), 'pii'), []);
    assert.deepEqual(withCode(seed(1), 'pii'), []);
  });

  it('flags an e-mail address, a web address and phone numbers in a confidential record', () => {
    const text = confidential(
      'Write to amal.k@example.org or see https://example.org/report?id=4. Call +963 11 234 5678, 0991 234 567 or 555-123-4567.',
    );
    const found = withCode(text, 'pii');
    assert.deepEqual(found.map((d) => covered(text, d)), ['amal.k@example.org', 'https://example.org/report?id=4', '+963 11 234 5678', '0991 234 567', '555-123-4567']);
    assert.ok(found.every((d) => d.severity === 2));
    assert.deepEqual(found[0].data, { fix: 'redact', markers: ['<redacted>'] });
    assert.match(found[0].message, /e-mail address/);
    assert.match(found[2].message, /phone number/);
  });

  it('finds details on continuation lines of a value, with exact ranges', () => {
    const text = confidential('First line.\nSecond line at www.example.net, thanks.');
    const found = withCode(text, 'pii');
    assert.deepEqual(found.map((d) => covered(text, d)), ['www.example.net']);
    assert.equal(found[0].range.start.line, 6);
  });

  it('leaves years, dates, amounts and records that are not confidential alone', () => {
    assert.deepEqual(withCode(confidential('In 2022 2023 2024 and on 12.05.2023 we spent 150000000 units; 2023. 2024.'), 'pii'), []);
    assert.deepEqual(withCode(confidential('Write to amal@example.org', '0.0'), 'pii'), []);
    assert.deepEqual(withCode(confidential('Write to amal@example.org', ''), 'pii'), []);
  });

  it('scans a megabyte line quickly enough to finish (linear patterns)', () => {
    const long = confidential(`${'a'.repeat(500_000)}@${'1 '.repeat(250_000)}`);
    assert.ok(Array.isArray(withCode(long, 'pii')));
  });
});

describe('pii follows the schema\u2019s confidentiality role, not a field name', () => {
  /** The built-in format, with the team's own confidentiality flag instead of the built-in one. */
  const renamed = loadSchemaText(
    JSON.stringify({
      extends: 'default',
      fields: [{ key: 'Sensitive record', presence: 'optional', kind: 'flag' }],
      roles: { confidential: { field: 'Sensitive record', values: ['YES'] } },
    }),
  );
  const schema = renamed.schema!;
  const record = (flag: string, builtInFlag = '') =>
    withField(
      'Outcome statements is CONFIDENTIAL',
      `**Outcome statements is CONFIDENTIAL**: ${builtInFlag}\n**Sensitive record**: ${flag}`,
      withField('Outcome description', '**Outcome description**: Write to amal.k@example.org'),
    );
  const piiOf = (text: string) => validate(text, { schema, now: NOW }).filter((d) => d.code === 'pii');

  it('loads the team schema without problems', () => {
    assert.deepEqual(renamed.problems, []);
  });

  it('a record marked confidential in the team\u2019s field gets the check', () => {
    const text = record('YES');
    assert.deepEqual(piiOf(text).map((d) => covered(text, d)), ['amal.k@example.org']);
  });

  it('the team\u2019s "not confidential" value, and the built-in field alone, no longer mark a record confidential', () => {
    assert.deepEqual(piiOf(record('NO')), []);
    assert.deepEqual(piiOf(record('', '1.0')), []);
  });

  it('a schema of its own (no extends) names all three roles: records start, are confidential and take stories by them', () => {
    const own = loadSchemaText(
      JSON.stringify({
        fields: [
          { key: 'Case', presence: 'required' },
          { key: 'Privacy', presence: 'required', kind: 'closed', values: ['private', 'public'] },
          { key: 'Narrative', presence: 'optional' },
        ],
        roles: { recordStart: 'Case', confidential: { field: 'Privacy', values: ['private'] }, story: 'Narrative' },
      }),
    );
    assert.deepEqual(own.problems, []);
    const text = '**Case**: 1\n**Privacy**: private\n**Narrative**: call 0991 234 567\n**Case**: 2\n**Privacy**: public\n**Narrative**: call 0991 234 567\n';
    const found = validate(text, { schema: own.schema!, now: NOW });
    assert.deepEqual(found.map((d) => [d.code, d.range.start.line]), [['pii', 2]]);
    assert.equal(own.schema!.storyField?.key, 'Narrative');
  });
});
