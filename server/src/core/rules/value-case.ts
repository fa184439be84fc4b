import { valueRule } from './value-rule';

export const valueCase = valueRule('value-case', "An allowed value written with other capitals (yes for YES, GREAT for great).");
