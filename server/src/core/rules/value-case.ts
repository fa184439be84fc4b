import type { Rule } from './rule';

export const valueCase: Rule = {
  code: 'value-case',
  description: "An allowed value written with other capitals (yes for YES, GREAT for great).",
  check(context) {
    for (const field of context.document.fields) {
      for (const problem of context.valueProblems(field)) {
        if (problem.code === 'value-case') context.report({ ...problem, spec: context.specOf(field) });
      }
    }
  },
};
