/** Every diagnostic code the checker emits. Codes are stable: users filter on them and CI reports cite them. */
export const DIAGNOSTIC_CODES = [
  'missing-field',
  'empty-value',
  'unknown-field',
  'duplicate-field',
  'malformed-field',
  'invalid-value',
  'value-case',
  'unknown-value',
  'repeated-choice',
  'text-after-value',
  'unknown-marker',
  'pii',
  'outcome-when',
  'outcome-who',
  'placeholder-evidence',
  'fields-disagree',
  'too-thin',
  'redaction-drift',
  'name-beside-marker',
  'name-in-clear',
  'place-in-clear',
  'unstructured',
  'duplicate-id',
  'too-many-problems',
  'file-too-large',
] as const;

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/** Source shown beside every diagnostic. */
export const DIAGNOSTIC_SOURCE = 'fragments';
