import { Severity } from '../diagnostic';
import type { Rule } from './rule';

/** A required or recommended field that a record does not have at all. */
export const missingField: Rule = {
  code: 'missing-field',
  description: 'A required field (error) or recommended field (warning) is not in the record.',
  check(context) {
    const { document, schema } = context;
    let kept = 0;
    for (const record of document.records) {
      if (kept >= context.maxDiagnostics) break; // records are in document order: the rest would be cut
      const present = new Set(record.fields.map((f) => context.specOf(f)));
      const anchor = record.fields[0].keyRange;
      for (const spec of schema.fields) {
        if (spec.presence === 'optional' || present.has(spec)) continue;
        const required = spec.presence === 'required';
        const reported = context.report({
          code: 'missing-field',
          severity: required ? Severity.Error : Severity.Warning,
          message: `This fragment has no "${spec.key}" field, which is ${required ? 'required' : 'recommended'}.`,
          range: anchor,
          data: { fix: 'insert-field', key: spec.key, record: record.index, recordStartLine: record.startLine },
          spec,
        });
        if (reported) kept++;
      }
    }
  },
};
