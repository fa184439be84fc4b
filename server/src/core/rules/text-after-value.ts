import { valueRule } from './value-rule';

export const textAfterValue = valueRule('text-after-value', 'Text on the lines after the value of a one-value field (a list, a flag, a year): it is not part of the answer.');
