import { Severity } from '../diagnostic';
import type { Rule } from './rule';
import { keyRange } from '../parser';

/** A required or recommended field that a record does not have at all. */
export const missingField: Rule = {
  code: 'missing-field',
  description: 'A required field (error) or recommended field (warning) is not in the record.',
  check(context) {
    const { document, index } = context;
    // Which schema fields the current record has, marked with the record's number: one small array for the whole
    // document instead of a set per record.
    const seenIn: number[] = new Array(context.schema.fields.length).fill(-1);
    let kept = 0;
    for (let r = 0; r < document.records.length; r++) {
      const record = document.records[r];
      if (kept >= context.maxDiagnostics) break; // records are in document order: the rest would be cut
      for (let i = 0; i < record.fields.length; i++) {
        const spec = context.specOf(record.fields[i]);
        if (spec) seenIn[index.slotOf(spec)] = record.index;
      }
      for (const spec of index.expected) {
        if (seenIn[index.slotOf(spec)] === record.index) continue;
        const required = spec.presence === 'required';
        const reported = context.report({
          code: 'missing-field',
          severity: required ? Severity.Error : Severity.Warning,
          message: `This fragment has no "${spec.key}" field, which is ${required ? 'required' : 'recommended'}.`,
          range: keyRange(record.fields[0]),
          data: { fix: 'insert-field', key: spec.key, record: record.index, recordStartLine: record.startLine },
          spec,
        });
        if (reported) kept++;
      }
    }
  },
};
