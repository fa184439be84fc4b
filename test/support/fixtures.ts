/**
 * Real records for tests: the project's copies of the harvest seeds (test/fixtures/seeds, so a clone tests on its own)
 * and a valid record to mutate.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SEEDS_DIR = resolve(__dirname, '../fixtures/seeds');

/** The seed files by their order: 000 and 001 are structured records, 002 an unstructured story. */
export function seed(index: 0 | 1 | 2): string {
  const name = readdirSync(SEEDS_DIR).find((f) => f.startsWith(`00${index}_`));
  if (!name) throw new Error(`seed 00${index} not found in ${SEEDS_DIR}`);
  return readFileSync(join(SEEDS_DIR, name), 'utf8');
}

/** "Now" for tests, so the Year rule does not drift with the calendar. */
export const NOW = new Date('2026-06-15T12:00:00Z');

/** A complete, valid record in schema order (no final newline, like the export). */
export const VALID_RECORD = [
  '**FragmentID**: SCC-<redacted>/PHR012',
  '**Outcome status**: Outcome',
  '**OH-harvesting period**: harvest 3',
  '**coutnry**: Syria',
  '**Year**: 2024',
  '**Outcome description**: In 2024, <person> led in <LOC> the building of a coalition of women and youth organisations.',
  '**Significance of the outcome**: The coalition widens the space for civil society to work on women’s rights.',
  '**Additional information (use if needed) **: ',
  '**Rating significance**: medium',
  '**Social actor**: Civic change agents',
  '**Scale**: Regional',
  '**Contribution of the programme**: Training workshops on advocacy strategy in 2022 and 2023.',
  '**Contribution of other actors and factors**: ',
  '**Rating contribution**: great',
  '**The change was unintended**: NO',
  '**Evidence supporting the outcome statement**: Project reports',
  '**Outcome statements is CONFIDENTIAL**: ',
  '**Link to Outcomes in Results Framework **: ',
  '**Link to SCC Specific Objectives**: PHR: More effective efforts of society and authorities to pursue peace and human rights',
  '**StoryFragment_Merged**: ',
  '**Outcome is negative**: NO',
  '**MCQType of change**: New structure, Seeking public support',
  '**TypeOfChangeCluster**: Mobilizing citizens and organizations',
].join('\n');

/** VALID_RECORD with one field's line replaced (or removed, with `null`). */
export function withField(key: string, line: string | null, record = VALID_RECORD): string {
  const lines = record.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`**${key}`));
  if (at < 0) throw new Error(`no field ${key} in the record`);
  if (line === null) lines.splice(at, 1);
  else lines[at] = line;
  return lines.join('\n');
}

/**
 * VALID_RECORD with one of each fixable problem planted; `confidential` also marks the record confidential and puts
 * an e-mail address in a text value (a pii problem).
 */
export function brokenRecord({ confidential = false } = {}): string {
  let text = VALID_RECORD;
  text = withField('Rating significance', '**Rating significance**: meduim', text);
  text = withField('The change was unintended', '**The change was unintended**: yes', text);
  text = withField('Scale', null, text);
  text = withField('Year', null, text);
  text = withField('Social actor', '**Socail actor**: Civic change agents', text);
  text = withField('Rating contribution', 'Rating contribution: great', text);
  const contact = confidential ? '; write to amal@example.org.' : '.';
  text = withField('Outcome description', `**Outcome description**: In 2024, <persn> led the building of a coalition${contact}`, text);
  if (confidential) text = withField('Outcome statements is CONFIDENTIAL', '**Outcome statements is CONFIDENTIAL**: 1.0', text);
  text = withField('MCQType of change', '**MCQType of change**: New structure, New structure', text);
  text = withField('TypeOfChangeCluster', '**TypeOfChangeCluster**: Mobilizing citizens and organizations\n**Outcome status**: Outcome\n**TypeOfChangeCluster**: Gender', text);
  return text;
}
