/** The contract every rule implements, and the context a rule reads from. */
import type { Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { DiagnosticCode } from '../diagnostic-codes';
import type { FixData } from '../diagnostic';
import type { Field, ParsedDocument } from '../parser';
import type { SchemaIndex } from '../schema/schema-index';
import type { FieldSpec, Schema } from '../schema/model';
import type { ValueProblem } from '../values/check-value';

export interface Report {
  code: DiagnosticCode;
  severity: 1 | 2 | 3 | 4;
  message: string;
  range: Diagnostic['range'];
  data: FixData;
  relatedInformation?: DiagnosticRelatedInformation[];
  /** The field spec the problem is about, so its severity overrides apply. */
  spec?: FieldSpec;
}

export interface RuleContext {
  readonly document: ParsedDocument;
  readonly schema: Schema;
  /** Lists and lookups derived from the schema once, not on each check. */
  readonly index: SchemaIndex;
  readonly now: Date;
  /** The document's URI, for related information; absent when checking text that has no location. */
  readonly uri?: string;
  /** The field spec a field's key names, exactly or with different capitals/spacing. */
  specOf(field: Field): FieldSpec | undefined;
  /** Whether a field's key is a schema key or alias exactly as the schema spells it. */
  isSpelledExactly(field: Field): boolean;
  /** Value problems of a field, computed once and shared by the value rules. */
  valueProblems(field: Field): readonly ValueProblem[];
  /** The fields that have value problems, in document order (most have none). */
  fieldsWithValueProblems(): readonly Field[];
  /**
   * What `compute` returns, worked out once per check for every rule that asks with the same key (a module's own
   * constant): facts several rules read, such as the text values of the confidential records. Dies with the check.
   */
  once<T>(key: object, compute: () => T): T;
  /**
   * Whether every problem on `line` and after would be cut by the cap: the diagnostics the rules before this one
   * kept on earlier lines, with the `kept` reports this rule made before `line`, reach `maxDiagnostics`. A rule that
   * walks the records in document order stops there, as the server's record-by-record checks do: the note that ends
   * a capped file says "at least" so many more problems.
   */
  pastCap(line: number, kept?: number): boolean;
  /** Adds a problem; false when the schema switched its code off for that field. */
  report(problem: Report): boolean;
  /**
   * The cap on a file's diagnostics. A rule that reports in document order may stop once this many of its reports
   * were kept: later ones would be cut anyway, and a file of 100,000 problems would cost seconds to describe.
   */
  readonly maxDiagnostics: number;
}

export interface Rule {
  /** The diagnostic code this rule reports; one rule, one code. */
  readonly code: DiagnosticCode;
  /** What the rule looks for, in one sentence in the person's language (SARIF's rule descriptions). */
  readonly describe: () => string;
  check(context: RuleContext): void;
}
