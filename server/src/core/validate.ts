/** Runs the rules over a document. Pure: text and schema in, diagnostics out. */
import { directed } from './l10n';
import { capDiagnostics, MAX_DIAGNOSTICS } from './cap';
import { DIAGNOSTIC_SOURCE } from './diagnostic-codes';
import { ruleDocs } from './diagnostic-docs';
import type { FragmentDiagnostic } from './diagnostic';
import { parse, type Field, type ParsedDocument } from './parser';
import { RULES, UNSTRUCTURED_RULE } from './rules';
import type { Report, Rule, RuleContext } from './rules/rule';
import { fold, getDefaultSchema } from './schema/compile';
import { severityOf, type FieldSpec, type Schema } from './schema/model';
import { checkValue, type ValueProblem } from './values/check-value';
import { schemaIndex } from './schema/schema-index';
import { budgetedSuggester } from './suggest';

const NO_PROBLEMS: readonly ValueProblem[] = [];

export interface ValidateOptions {
  schema?: Schema;
  /** "Now", for the Year rule; tests pin it. */
  now?: Date;
  uri?: string;
  maxDiagnostics?: number;
  /** The rules to run; by default every rule, or only the unstructured-story note when the text has no fields. */
  rules?: readonly Rule[];
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
  // Each field's spec, indexed by Field.index: worked out once, shared by the rules. Filled by push, not made with
  // `new Array(length)`: V8 makes an array of 100,000 or more empty slots a slow dictionary, and large documents
  // have that many fields.
  const specs: (FieldSpec | undefined)[] = [];
  for (let i = 0; i < fields.length; i++) {
    const key = fields[i].key;
    specs.push(schema.byName.get(key) ?? schema.byFoldedName.get(fold(key)));
  }
  const maxDiagnostics = options.maxDiagnostics ?? MAX_DIAGNOSTICS;
  const suggest = budgetedSuggester(4 * maxDiagnostics);
  // Value problems, found in one pass over the fields when a value rule first asks, and kept only for the fields that
  // have some: most have none, and a large document has hundreds of thousands of fields.
  let valueProblems: Map<number, readonly ValueProblem[]> | undefined;
  const withValueProblems: Field[] = [];
  const findValueProblems = () => {
    valueProblems = new Map();
    for (let i = 0; i < fields.length; i++) {
      const spec = specs[i];
      const problems = spec ? checkValue(spec, fields[i], now, suggest, index.markers) : NO_PROBLEMS;
      if (problems.length === 0) continue;
      valueProblems.set(i, problems);
      withValueProblems.push(fields[i]);
    }
    return valueProblems;
  };

  // Facts shared by several rules, each worked out on first use (RuleContext.once). A map that dies with the check,
  // rather than weak maps keyed by the check: a weak entry per check weighs on every garbage collection.
  let shared: Map<object, unknown> | undefined;

  // What a rule may keep before it stops: one over the cap, so a rule that stops early still leaves the cap something
  // to cut, and its note appears.
  const ruleCap = maxDiagnostics + 1;
  // For pastCap: how many diagnostics the rules before the asking one kept, their start lines sorted (made when a rule
  // first asks past that many), and how many of those lie before the line last asked about (a rule asks in document
  // order, so the count only moves on).
  let keptByEarlierRules = 0;
  let linesBefore: Int32Array | undefined;
  let before = 0;

  const context: RuleContext = {
    document,
    schema,
    index,
    now,
    uri: options.uri,
    maxDiagnostics: ruleCap,
    specOf: (field) => specs[field.index],
    isSpelledExactly: (field) => schema.byName.has(field.key),
    valueProblems: (field) => (valueProblems ?? findValueProblems()).get(field.index) ?? NO_PROBLEMS,
    fieldsWithValueProblems() {
      if (!valueProblems) findValueProblems();
      return withValueProblems;
    },
    pastCap(line: number, kept = 0): boolean {
      if (keptByEarlierRules + kept < ruleCap) return false; // the usual answer, with nothing to count
      if (!linesBefore) {
        linesBefore = new Int32Array(keptByEarlierRules);
        for (let i = 0; i < keptByEarlierRules; i++) linesBefore[i] = diagnostics[i].range.start.line;
        linesBefore.sort();
        before = 0;
      }
      if (before > 0 && linesBefore[before - 1] >= line) before = 0; // asked about an earlier line: count again
      while (before < linesBefore.length && linesBefore[before] < line) before++;
      return before + kept >= ruleCap;
    },
    once<T>(key: object, compute: () => T): T {
      shared ??= new Map();
      if (shared.has(key)) return shared.get(key) as T;
      const value = compute();
      shared.set(key, value);
      return value;
    },
    report(problem: Report) {
      const override = problem.spec?.severity[problem.code];
      const severity = override ? severityOf(override) : problem.severity;
      if (severity === undefined) return false; // switched off by the schema
      const diagnostic: FragmentDiagnostic = {
        range: problem.range,
        severity,
        code: problem.code,
        codeDescription: ruleDocs(problem.code),
        source: DIAGNOSTIC_SOURCE,
        message: directed(problem.message),
        data: problem.data,
      };
      if (problem.relatedInformation) diagnostic.relatedInformation = problem.relatedInformation.map((related) => ({ ...related, message: directed(related.message) }));
      diagnostics.push(diagnostic);
      return true;
    },
  };

  const rules = options.rules ?? (fields.length === 0 ? [UNSTRUCTURED_RULE] : RULES);
  for (const rule of rules) {
    keptByEarlierRules = diagnostics.length;
    linesBefore = undefined;
    rule.check(context);
  }
  if (diagnostics.length > 1) diagnostics.sort(byPosition);
  return capDiagnostics(diagnostics, maxDiagnostics);
}

function byPosition(a: FragmentDiagnostic, b: FragmentDiagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.severity - b.severity;
}
