/** Runs the rules over a document. Pure: text and schema in, diagnostics out. */
import { capDiagnostics } from './cap';
import { DIAGNOSTIC_SOURCE } from './diagnostic-codes';
import type { FragmentDiagnostic } from './diagnostic';
import { parse, type Field, type ParsedDocument } from './parser';
import { RULES, UNSTRUCTURED_RULE } from './rules';
import type { Report, RuleContext } from './rules/rule';
import { fold, getDefaultSchema } from './schema/compile';
import { severityOf, type FieldSpec, type Schema } from './schema/model';
import { checkValue, type ValueProblem } from './values/check-value';
import { schemaIndex } from './schema-index';
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
  return parse(text, schemaIndex(schema));
}

export function validate(text: string, options: ValidateOptions = {}): FragmentDiagnostic[] {
  const schema = options.schema ?? getDefaultSchema();
  return validateParsed(parseWithSchema(text, schema), { ...options, schema });
}

export function validateParsed(document: ParsedDocument, options: ValidateOptions = {}): FragmentDiagnostic[] {
  const schema = options.schema ?? getDefaultSchema();
  const index = schemaIndex(schema);
  const now = options.now ?? new Date();
  const diagnostics: FragmentDiagnostic[] = [];
  const { fields } = document;
  // Per-field results, indexed by Field.index: worked out once, shared by the rules.
  const specs: (FieldSpec | undefined)[] = new Array(fields.length);
  const exact: boolean[] = new Array(fields.length);
  const values: (readonly ValueProblem[] | undefined)[] = new Array(fields.length);
  // Records usually list their fields in schema order, so the field after the previous one is tried first: comparing
  // two strings is cheaper than hashing a new key for a map lookup, and this runs for every field on every keystroke.
  let guess = index.following[0];
  for (let i = 0; i < fields.length; i++) {
    const key = fields[i].key;
    let spec = guess !== undefined && guess.key === key ? guess : schema.byName.get(key);
    exact[i] = spec !== undefined;
    spec ??= schema.byFoldedName.get(fold(key));
    specs[i] = spec;
    if (spec) guess = index.following[index.slotOf(spec) + 1];
  }
  let withValueProblems: Field[] | undefined;
  const maxDiagnostics = options.maxDiagnostics ?? MAX_DIAGNOSTICS;
  const suggest = budgetedSuggester(4 * maxDiagnostics);

  const context: RuleContext = {
    document,
    schema,
    index,
    now,
    uri: options.uri,
    // One over the cap, so a rule that stops early still leaves the cap something to cut, and its note appears.
    maxDiagnostics: maxDiagnostics + 1,
    specOf: (field) => specs[field.index],
    isSpelledExactly: (field) => exact[field.index],
    valueProblems(field) {
      let problems = values[field.index];
      if (!problems) {
        const spec = specs[field.index];
        problems = spec ? checkValue(spec, field, now, suggest) : NO_PROBLEMS;
        values[field.index] = problems;
      }
      return problems;
    },
    fieldsWithValueProblems() {
      if (!withValueProblems) {
        withValueProblems = [];
        for (let i = 0; i < fields.length; i++) if (context.valueProblems(fields[i]).length > 0) withValueProblems.push(fields[i]);
      }
      return withValueProblems;
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

  const rules = fields.length === 0 ? [UNSTRUCTURED_RULE] : RULES;
  for (const rule of rules) rule.check(context);
  if (diagnostics.length > 1) diagnostics.sort(byPosition);
  return capDiagnostics(diagnostics, maxDiagnostics);
}

function byPosition(a: FragmentDiagnostic, b: FragmentDiagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.severity - b.severity;
}
