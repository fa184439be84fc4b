/** Every rule, in one list. Adding a rule: one file beside this one, one line here, one test file, one doc entry. */
import { duplicateField } from './duplicate-field';
import { emptyValue } from './empty-value';
import { fieldsDisagree } from './fields-disagree';
import { invalidValue } from './invalid-value';
import { malformedField } from './malformed-field';
import { nameBesideMarker } from './name-beside-marker';
import { nameInClear } from './name-in-clear';
import { missingField } from './missing-field';
import { outcomeWhen } from './outcome-when';
import { outcomeWho } from './outcome-who';
import { pii } from './pii';
import { placeholderEvidence } from './placeholder-evidence';
import { placeInClear } from './place-in-clear';
import { redactionDrift } from './redaction-drift';
import { repeatedChoice } from './repeated-choice';
import type { Rule } from './rule';
import { textAfterValue } from './text-after-value';
import { tooThin } from './too-thin';
import { unknownField } from './unknown-field';
import { unknownMarker } from './unknown-marker';
import { unknownValue } from './unknown-value';
import { unstructured } from './unstructured';
import { valueCase } from './value-case';

/** The rules about form: a key, a list, a flag, a marker, contact details in a confidential record. */
export const FORM_RULES: readonly Rule[] = [
  missingField,
  emptyValue,
  unknownField,
  duplicateField,
  malformedField,
  invalidValue,
  valueCase,
  unknownValue,
  repeatedChoice,
  textAfterValue,
  unknownMarker,
  pii,
];

/** The rules about substance: what a reviewer of an outcome harvest would ask, and what a confidential record leaks. */
export const QUALITY_RULES: readonly Rule[] = [
  outcomeWhen,
  outcomeWho,
  placeholderEvidence,
  fieldsDisagree,
  tooThin,
  redactionDrift,
  nameBesideMarker,
  nameInClear,
  placeInClear,
];

export const RULES: readonly Rule[] = [...FORM_RULES, ...QUALITY_RULES];

/** Runs alone, on files without fields: a story gets this one note and nothing else. */
export const UNSTRUCTURED_RULE: Rule = unstructured;
