import { valueRule } from './value-rule';

export const unknownValue = valueRule('unknown-value', "A value outside an open list: shown for a look, with a did-you-mean when one is close.");
