import * as l10n from '@vscode/l10n';
import { listOf, presenceWord, Severity } from '../diagnostic';
import { keyRange, type FragmentRecord } from '../parser';
import { severityOf, type FieldSpec, type Presence } from '../schema/model';
import { intendedField } from './field-names';
import type { Rule, RuleContext } from './rule';

/**
 * The required or recommended fields a record does not have at all: one problem per record (one for the required
 * fields, an error, and one for the recommended ones, a warning), on the record's first key, naming every field that
 * is missing. A freshly started record is then one problem to read, not a wall of them.
 *
 * A field that is there but written wrong is not missing: a misspelt key whose did-you-mean names the field
 * (`**Contry**:`) and a malformed line that names it (`**Scale: Local`) are reported once, where they are, by
 * unknown-field and malformed-field, with their own fixes.
 */
export const missingField: Rule = {
  code: 'missing-field',
  describe: () => l10n.t('Required fields (error) or recommended fields (warning) that are not in the record: one problem per record naming them.'),
  check(context) {
    const { document, index } = context;
    // Which schema fields the current record has, marked with the record's number: one small array for the whole
    // document instead of a set per record. Measured for issue 14 (scripts/bench/compare-cores.ts, the bench's
    // documents): the check takes 3–15% longer with a set per record, most runs over 5%.
    const seenIn: number[] = new Array(context.schema.fields.length).fill(-1);
    const malformed = document.malformed;
    let nextMalformed = 0;
    let kept = 0;
    // The field an unknown key means, looked up once per spelling: a file repeats its typos in every record.
    const intended = new Map<string, FieldSpec | undefined>();
    const intendedFor = (key: string) => {
      if (!intended.has(key)) intended.set(key, intendedField(context, key));
      return intended.get(key);
    };
    for (let r = 0; r < document.records.length; r++) {
      const record = document.records[r];
      if (kept >= context.maxDiagnostics) break; // records are in document order: the rest would be cut
      const seen = (spec: FieldSpec | undefined) => {
        if (spec) seenIn[index.slotOf(spec)] = record.index;
      };
      for (let i = 0; i < record.fields.length; i++) {
        const field = record.fields[i];
        const spec = context.specOf(field);
        seen(spec ?? intendedFor(field.key));
      }
      // Malformed lines up to the next record's start belong to this one (those above the first record to the first).
      const next = document.records[r + 1];
      while (nextMalformed < malformed.length && (!next || malformed[nextMalformed].line < next.startLine)) {
        seen(intendedFor(malformed[nextMalformed].key));
        nextMalformed++;
      }
      // Missing fields grouped by the severity they are reported with (a team schema may change it per field).
      const groups = new Map<number, FieldSpec[]>();
      for (const spec of index.expected) {
        if (seenIn[index.slotOf(spec)] === record.index) continue;
        const severity = severityFor(spec);
        if (severity === undefined) continue; // switched off for this field
        groups.set(severity, [...(groups.get(severity) ?? []), spec]);
      }
      for (const severity of [...groups.keys()].sort()) {
        if (reportMissing(context, record, severity, groups.get(severity)!)) kept++;
      }
    }
  },
};

/** Several missing fields: one message per presence, so that each language can make the words agree. */
function missingFieldsMessage(presence: Presence | 'expected', count: number, names: string): string {
  switch (presence) {
    case 'required':
      return l10n.t('This fragment is missing {0} required fields: {1}.', count, names);
    case 'recommended':
      return l10n.t('This fragment is missing {0} recommended fields: {1}.', count, names);
    case 'optional':
      return l10n.t('This fragment is missing {0} optional fields: {1}.', count, names);
    case 'expected':
      return l10n.t('This fragment is missing {0} expected fields: {1}.', count, names);
  }
}

function severityFor(spec: FieldSpec): number | undefined {
  const override = spec.severity['missing-field'];
  if (override) return severityOf(override);
  return spec.presence === 'required' ? Severity.Error : Severity.Warning;
}

function reportMissing(context: RuleContext, record: FragmentRecord, severity: number, specs: FieldSpec[]): boolean {
  const presence = specs.every((s) => s.presence === specs[0].presence) ? specs[0].presence : 'expected';
  const names = specs.map((s) => `"${s.key}"`);
  const message =
    specs.length === 1
      ? l10n.t('This fragment has no {0} field, which is {1}.', names[0], presenceWord(presence))
      : missingFieldsMessage(presence, specs.length, listOf(names, 'and'));
  return context.report({
    code: 'missing-field',
    severity: severity as 1 | 2 | 3 | 4,
    message,
    range: keyRange(record.fields[0]),
    data: { fix: 'insert-fields', keys: specs.map((s) => s.key), record: record.index, recordStartLine: record.startLine },
  });
}
