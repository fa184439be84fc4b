/** Runs the rules over a document. Pure: text and schema in, diagnostics out. */
import { DIAGNOSTIC_SOURCE } from './diagnostic-codes';
import { Severity, type FragmentDiagnostic } from './diagnostic';
import { parse, range, type ParsedDocument } from './parser';
import { RULES, UNSTRUCTURED_RULE } from './rules';
import type { Report, RuleContext } from './rules/rule';
import { fold, getDefaultSchema } from './schema/compile';
import { severityOf, type FieldSpec, type Schema } from './schema/model';
import { checkValue, type ValueProblem } from './values/check-value';
import { budgetedSuggester } from './suggest';

/** The most diagnostics one file gets; past it a person needs the first problems, not all of them. */
export const MAX_DIAGNOSTICS = 1000;
const NO_PROBLEMS: readonly ValueProblem[] = [];

export interface ValidateOptions {
  schema?: Schema;
  /** "Now", for the Year rule; tests pin it. */
  now?: Date;
  uri?: string;
  maxDiagnostics?: number;
}

export function parseWithSchema(text: string, schema: Schema = getDefaultSchema()): ParsedDocument {
  const recordStartKeys = [schema.recordStart, ...(schema.byName.get(schema.recordStart)?.aliases ?? [])];
  return parse(text, { recordStartKeys, isKnownKey: (key) => schema.byFoldedName.has(fold(key)) });
}

export function validate(text: string, options: ValidateOptions = {}): FragmentDiagnostic[] {
  const schema = options.schema ?? getDefaultSchema();
  return validateParsed(parseWithSchema(text, schema), { ...options, schema });
}

export function validateParsed(document: ParsedDocument, options: ValidateOptions = {}): FragmentDiagnostic[] {
  const schema = options.schema ?? getDefaultSchema();
  const now = options.now ?? new Date();
  const diagnostics: FragmentDiagnostic[] = [];
  // Per-field results, indexed by Field.index: computed once, shared by the rules.
  const specs: (FieldSpec | null | undefined)[] = new Array(document.fields.length);
  const values: (readonly ValueProblem[] | undefined)[] = new Array(document.fields.length);
  const maxDiagnostics = options.maxDiagnostics ?? MAX_DIAGNOSTICS;
  const suggest = budgetedSuggester(4 * maxDiagnostics);

  const context: RuleContext = {
    document,
    schema,
    now,
    uri: options.uri,
    maxDiagnostics,
    specOf(field) {
      let spec = specs[field.index];
      if (spec === undefined) {
        spec = schema.byName.get(field.key) ?? schema.byFoldedName.get(fold(field.key)) ?? null;
        specs[field.index] = spec;
      }
      return spec ?? undefined;
    },
    valueProblems(field) {
      let problems = values[field.index];
      if (!problems) {
        const spec = context.specOf(field);
        problems = spec ? checkValue(spec, field, now, suggest) : NO_PROBLEMS;
        values[field.index] = problems;
      }
      return problems;
    },
    report(problem: Report) {
      const override = problem.spec?.severity[problem.code];
      const severity = override ? severityOf(override) : problem.severity;
      if (severity === undefined) return false; // switched off by the schema
      const diagnostic: FragmentDiagnostic = {
        range: problem.range,
        severity,
        code: problem.code,
        source: DIAGNOSTIC_SOURCE,
        message: problem.message,
        data: problem.data,
      };
      if (problem.relatedInformation) diagnostic.relatedInformation = problem.relatedInformation;
      diagnostics.push(diagnostic);
      return true;
    },
  };

  const rules = document.fields.length === 0 ? [UNSTRUCTURED_RULE] : RULES;
  for (const rule of rules) rule.check(context);
  diagnostics.sort(byPosition);
  return capped(diagnostics, maxDiagnostics);
}

function byPosition(a: FragmentDiagnostic, b: FragmentDiagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.severity - b.severity;
}

/** Keeps the first `max - 1` problems and says how many more there were. */
function capped(diagnostics: FragmentDiagnostic[], max: number): FragmentDiagnostic[] {
  if (diagnostics.length <= max) return diagnostics;
  const kept = diagnostics.slice(0, max - 1);
  const last = kept[kept.length - 1].range.end;
  kept.push({
    range: range(last.line, last.character, last.line, last.character),
    severity: Severity.Information,
    code: 'too-many-problems',
    source: DIAGNOSTIC_SOURCE,
    message: `${diagnostics.length - kept.length} more problems are not shown; only the first ${kept.length} are listed. Fix these and the rest appear.`,
    data: { fix: 'none' },
  });
  return kept;
}
