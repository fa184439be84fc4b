/** Every rule, in one list. Adding a rule: one file beside this one, one line here, one test file, one doc entry. */
import { duplicateField } from './duplicate-field';
import { emptyValue } from './empty-value';
import { invalidValue } from './invalid-value';
import { malformedField } from './malformed-field';
import { nameBesideMarker } from './name-beside-marker';
import { nameInClear } from './name-in-clear';
import { missingField } from './missing-field';
import { pii } from './pii';
import { placeInClear } from './place-in-clear';
import { redactionDrift } from './redaction-drift';
import { repeatedChoice } from './repeated-choice';
import type { Rule } from './rule';
import { textAfterValue } from './text-after-value';
import { unknownField } from './unknown-field';
import { unknownMarker } from './unknown-marker';
import { unknownValue } from './unknown-value';
import { unstructured } from './unstructured';
import { valueCase } from './value-case';

export const RULES: readonly Rule[] = [
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
  redactionDrift,
  nameBesideMarker,
  nameInClear,
  placeInClear,
];

/** Runs alone, on files without fields: a story gets this one note and nothing else. */
export const UNSTRUCTURED_RULE: Rule = unstructured;
