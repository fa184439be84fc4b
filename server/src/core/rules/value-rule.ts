/**
 * The four value rules share one analysis (values/check-value.ts, computed once per field); each reports the
 * problems of its own code. This builds such a rule.
 */
import type { ValueProblemCode } from '../values/check-value';
import type { Rule } from './rule';

export function valueRule(code: ValueProblemCode, describe: () => string): Rule {
  return {
    code,
    describe,
    check(context) {
      for (const field of context.fieldsWithValueProblems()) {
        for (const problem of context.valueProblems(field)) {
          if (problem.code === code) context.report({ ...problem, spec: context.specOf(field) });
        }
      }
    },
  };
}
