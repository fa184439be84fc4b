import type { Rule } from './rule';

export const invalidValue: Rule = {
  code: 'invalid-value',
  description: "A value that breaks the field's rule: not in a closed list, not a year, not the expected shape.",
  check(context) {
    for (const field of context.document.fields) {
      for (const problem of context.valueProblems(field)) {
        if (problem.code === 'invalid-value') context.report({ ...problem, spec: context.specOf(field) });
      }
    }
  },
};
