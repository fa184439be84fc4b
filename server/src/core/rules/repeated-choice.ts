import type { Rule } from './rule';

export const repeatedChoice: Rule = {
  code: 'repeated-choice',
  description: "The same choice twice in a multi-choice field.",
  check(context) {
    for (const field of context.document.fields) {
      for (const problem of context.valueProblems(field)) {
        if (problem.code === 'repeated-choice') context.report({ ...problem, spec: context.specOf(field) });
      }
    }
  },
};
