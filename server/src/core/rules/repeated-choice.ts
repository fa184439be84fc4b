import { valueRule } from './value-rule';

export const repeatedChoice = valueRule('repeated-choice', "The same choice twice in a multi-choice field.");
