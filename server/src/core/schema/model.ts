/**
 * The schema: what a fragment may hold. `SchemaData` is the JSON form (the built-in default and, later, a team's
 * `fragment.schema.json`); `Schema` is the compiled form the rules read.
 */
import type { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { DiagnosticCode } from '../diagnostic-codes';

export type Presence = 'required' | 'recommended' | 'optional';
/**
 * text: free text. closed: one of `values`. open: usually one of `values`, others are reported for a look only.
 * multi: several of `values` joined by `separator`. flag: YES / NO. year: a four-digit year. pattern: matches `pattern`.
 */
export type FieldKind = 'text' | 'closed' | 'open' | 'multi' | 'flag' | 'year' | 'pattern';
export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface ValueData {
  value: string;
  description?: string;
}

export interface FieldData {
  key: string;
  aliases?: string[];
  description?: string;
  presence?: Presence;
  kind?: FieldKind;
  values?: (string | ValueData)[];
  /** Values appended to `values`: with `extends`, adds to the built-in list instead of replacing it. */
  addValues?: (string | ValueData)[];
  /** A built-in list of values added to `values` (only `countries` exists). */
  valueSet?: 'countries';
  /** multi: whether items outside `values` are errors (false, the default) or only reported (true). */
  open?: boolean;
  separator?: string;
  /** pattern kind, or an extra shape check on open lists (e.g. `CODE: label`). RE2 syntax, whole value. */
  pattern?: string;
  /** In plain words, what the pattern asks for; shown in messages instead of the expression. */
  patternDescription?: string;
  example?: string;
  /** year kind: the earliest accepted year; the latest is next year. */
  minYear?: number;
  severity?: Partial<Record<DiagnosticCode, SeverityName>>;
}

export interface MarkerData {
  text: string;
  description?: string;
}

export interface TemplateData {
  name: string;
  description?: string;
  /** Field values to prefill, by key; fields not named are left empty. */
  values?: Record<string, string>;
}

export interface SchemaData {
  $schema?: string;
  description?: string;
  extends?: 'default';
  recordStart?: string;
  markers?: (string | MarkerData)[];
  /** Optional with `extends: "default"`; there a field whose key (or alias) matches a built-in one overrides it. */
  fields: FieldData[];
  /** Keys in the order records should list them; fields not named keep their place after these. */
  fieldOrder?: string[];
  templates?: TemplateData[];
  /**
   * Names the team may show in a confidential record (programme, organisation, donor names): the checks for names
   * and places in clear leave them alone. With `extends`, added to the built-in list.
   */
  allowedNames?: string[];
}

export interface CompiledValue {
  value: string;
  description?: string;
}

export interface FieldSpec {
  key: string;
  aliases: string[];
  description: string;
  presence: Presence;
  kind: FieldKind;
  values: CompiledValue[];
  /** Exact value -> entry. */
  valueIndex: Map<string, CompiledValue>;
  /** Lower-cased value -> entry, for case mistakes. */
  valueIndexFolded: Map<string, CompiledValue>;
  open: boolean;
  separator: string;
  pattern?: CompiledPattern;
  patternDescription?: string;
  example?: string;
  minYear: number;
  severity: Partial<Record<DiagnosticCode, SeverityName>>;
  /** Position in the schema's field order. */
  order: number;
}

export interface CompiledPattern {
  source: string;
  /** Whole-value match. */
  matches(value: string): boolean;
  /** Whole-value match ignoring case. */
  matchesIgnoringCase(value: string): boolean;
}

export interface Schema {
  description: string;
  recordStart: string;
  fields: FieldSpec[];
  markers: MarkerData[];
  templates: TemplateData[];
  /** Names a confidential record may show, as written (see SchemaData.allowedNames). */
  allowedNames: string[];
  /** Exact key or alias -> field. */
  byName: Map<string, FieldSpec>;
  /** Key or alias folded (lower case, single spaces) -> field. */
  byFoldedName: Map<string, FieldSpec>;
}

export function severityOf(name: SeverityName): DiagnosticSeverity | undefined {
  switch (name) {
    case 'error':
      return 1;
    case 'warning':
      return 2;
    case 'information':
      return 3;
    case 'hint':
      return 4;
    default:
      return undefined;
  }
}
