import type { Rule } from './rule';

export const unknownValue: Rule = {
  code: 'unknown-value',
  description: "A value outside an open list: shown for a look, with a did-you-mean when one is close.",
  check(context) {
    for (const field of context.document.fields) {
      for (const problem of context.valueProblems(field)) {
        if (problem.code === 'unknown-value') context.report({ ...problem, spec: context.specOf(field) });
      }
    }
  },
};
