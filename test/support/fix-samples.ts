/**
 * A sample document for every kind of fix data (each with one problem of that kind), and documents whose problems
 * only a person can fix: shared by the core's and the built server's and CLI's tests of the one fix pipeline.
 */
import type { DiagnosticCode, FixData, SchemaData } from '../../server/src/core';
import { VALID_RECORD, seed, withField } from './fixtures';

export interface FixSample {
  text: string;
  /** The problem that carries this kind of fix data. */
  code: DiagnosticCode;
  /** The text once its safe fix is applied; undefined when no fix of the problem is safe. */
  fixed: string | undefined;
}

const CONFIDENTIAL = withField('Outcome statements is CONFIDENTIAL', '**Outcome statements is CONFIDENTIAL**: 1.0');

/** One per kind: a new kind of fix fails the type check here until it has a sample. */
export const FIX_SAMPLES: { [K in FixData['fix']]: FixSample } = {
  replace: { text: withField('Scale', '**Scale**: regional'), code: 'value-case', fixed: VALID_RECORD },
  'rename-key': { text: withField('Scale', '**scale**: Regional'), code: 'unknown-field', fixed: VALID_RECORD },
  'rewrite-line': { text: withField('Scale', 'Scale: Regional'), code: 'malformed-field', fixed: VALID_RECORD },
  'remove-duplicate': { text: withField('Scale', '**Scale**: Regional\n**Scale**: Regional'), code: 'duplicate-field', fixed: VALID_RECORD },
  'insert-fields': { text: withField('Scale', null), code: 'missing-field', fixed: undefined },
  'convert-story': { text: seed(2), code: 'unstructured', fixed: undefined },
  redact: {
    text: withField('Outcome description', '**Outcome description**: In 2024 a coalition formed; write to amal@example.org.', CONFIDENTIAL),
    code: 'pii',
    fixed: undefined,
  },
  none: { text: withField('Contribution of the programme', '**Contribution of the programme**: '), code: 'empty-value', fixed: undefined },
};

export interface UnsafeSample {
  text: string;
  code: DiagnosticCode;
  /** Why no fix of it is safe. */
  why: string;
  /** A schema of its own, when the default one cannot show the case. */
  schema?: SchemaData;
}


export const UNSAFE_SAMPLES: UnsafeSample[] = [
  {
    text: withField('Outcome description', '**Outcome description**: In 2024 a coalition formed; write to amal@example.org.', CONFIDENTIAL),
    code: 'pii',
    why: 'a redaction decides what is private',
  },
  { text: withField('Scale', '**Scale**: Regional\n**Scale**: Local'), code: 'duplicate-field', why: 'which of two values is right is for the person to say' },
  { text: withField('Scale', '**Scale**: Regional\n**scale**: Local'), code: 'unknown-field', why: 'renaming onto a field the record has would make a duplicate' },
  { text: withField('Scale', null), code: 'missing-field', why: 'an added field is an empty value only the person can fill' },
  { text: seed(2), code: 'unstructured', why: 'converting a story rewrites the file and decides where the story goes' },
  {
    text: '**FragmentID**: A-b/c\n**Pet**: cax',
    code: 'invalid-value',
    why: 'a did-you-mean between two equally close values is a guess',
    schema: { fields: [{ key: 'FragmentID' }, { key: 'Pet', kind: 'closed', values: ['cat', 'car', 'horse'] }] },
  },
  { text: withField('Year', '**Year**: 2205'), code: 'invalid-value', why: 'a year brought into range is a value nobody wrote' },
  { text: withField('Social actor', '**Social actor**: Civic change agent'), code: 'unknown-value', why: 'a value of an open list may be right as written' },
  {
    text: withField('MCQType of change', '**MCQType of change**: New structure, New structure'),
    code: 'repeated-choice',
    why: 'a repeated choice may be a slip for another choice',
  },
  { text: withField('Scale', 'FragmentID: SCC-<redacted>/PHR013'), code: 'malformed-field', why: 'making the line a field would split the record in two' },
];
