import { valueRule } from './value-rule';

export const invalidValue = valueRule('invalid-value', "A value that breaks the field's rule: not in a closed list, not a year, not the expected shape.");
