/**
 * The schema: what a fragment may hold. `SchemaData` is the JSON form (the built-in default and, later, a team's
 * `fragment.schema.json`); `Schema` is the compiled form the rules read.
 */
import type { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { DiagnosticCode } from '../diagnostic-codes';

/**
 * A text a person reads (a description): one text, or one per language tag (`{ "en": "…", "fr": "…" }`), shown in
 * the person's language (see localised in core/l10n.ts).
 */
export type LocalisedText = string | Readonly<Record<string, string>>;

export type Presence = 'required' | 'recommended' | 'optional';
/**
 * text: free text. closed: one of `values`. open: usually one of `values`, others are reported for a look only.
 * multi: several of `values` joined by `separator`. flag: YES / NO. year: a four-digit year. pattern: matches `pattern`.
 */
export type FieldKind = 'text' | 'closed' | 'open' | 'multi' | 'flag' | 'year' | 'pattern';
export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface ValueData {
  value: string;
  description?: LocalisedText;
}

export interface FieldData {
  key: string;
  aliases?: string[];
  description?: LocalisedText;
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
  patternDescription?: LocalisedText;
  example?: string;
  /** year kind: the earliest accepted year; the latest is next year. */
  minYear?: number;
  severity?: Partial<Record<DiagnosticCode, SeverityName>>;
}

export interface MarkerData {
  text: string;
  description?: LocalisedText;
}

export interface TemplateData {
  name: string;
  description?: LocalisedText;
  /** Field values to prefill, by key; fields not named are left empty. */
  values?: Record<string, string>;
}

/**
 * The fields the rules and features depend on, named by what they are for rather than by their keys, so that a team
 * schema can call them what it likes. Each names a field of the schema (its key or an alias).
 */
export interface RolesData {
  /** The field whose line starts a new record (its value is the record's ID). */
  recordStart?: string;
  /** The field that marks a record confidential, and the values that mean "confidential" (exactly as written). */
  confidential?: { field: string; values: string[] };
  /**
   * The free-text field that tells the outcome: "Convert to fragment" puts an unstructured story there, and the
   * when and who-and-what prompts read it.
   */
  story?: string;
  /** The year the change was observed, compared with the years the outcome statement names. */
  year?: string;
  /** Where the evidence is: checked for placeholders such as "Yes" or "see report". */
  evidence?: string;
}

/** How the quality prompts judge; which fields they read is said by the roles (story, year, evidence). */
export interface QualityData {
  /** A required text value with fewer words than this is prompted as too thin to verify; 0 never prompts. */
  minWords?: number;
}

/** One side of a `sameCode` relation: the code a pattern captures (its first group) in a field's value. */
export interface CodeCaptureData {
  field: string;
  pattern: string;
}

/**
 * A relation between two fields of a record, stated as data. Either `sameCode`: the codes captured in two fields are
 * equal; or `valuesOf` / `dependOn` / `allowed`: each choice in one field is among those listed for the other
 * field's value.
 */
export interface RelationData {
  description?: LocalisedText;
  sameCode?: [CodeCaptureData, CodeCaptureData];
  valuesOf?: string;
  dependOn?: string;
  allowed?: Record<string, string[]>;
}

export interface SchemaData {
  $schema?: string;
  description?: LocalisedText;
  extends?: 'default';
  roles?: RolesData;
  /** The older spelling of `roles.recordStart`, still read; `roles.recordStart` wins when both are given. */
  recordStart?: string;
  markers?: (string | MarkerData)[];
  /** Optional with `extends: "default"`; there a field whose key (or alias) matches a built-in one overrides it. */
  fields: FieldData[];
  /** Keys in the order records should list them; fields not named keep their place after these. */
  fieldOrder?: string[];
  templates?: TemplateData[];
  /** With `extends`, each property given here replaces the built-in one. */
  quality?: QualityData;
  /** With `extends`, added to the built-in relations. */
  relations?: RelationData[];
  /**
   * Names the team may show in a confidential record (programme, organisation, donor names): the checks for names
   * and places in clear leave them alone. With `extends`, added to the built-in list.
   */
  allowedNames?: string[];
}

export interface CompiledValue {
  value: string;
  description?: LocalisedText;
}

export interface FieldSpec {
  key: string;
  aliases: string[];
  description: LocalisedText;
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
  patternDescription?: LocalisedText;
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
  /** On a whole-value match, what the first group captured (the whole value when there is no group). */
  captured(value: string): string | undefined;
}

/** The fields the quality prompts read (the story, year and evidence roles); a role with no field leaves its prompt silent. */
export interface QualitySpec {
  outcome?: FieldSpec;
  year?: FieldSpec;
  evidence?: FieldSpec;
  minWords: number;
}

export type CompiledRelation =
  | {
      kind: 'same-code';
      description: LocalisedText;
      sides: [{ spec: FieldSpec; pattern: CompiledPattern }, { spec: FieldSpec; pattern: CompiledPattern }];
    }
  | {
      kind: 'allowed-values';
      description: LocalisedText;
      field: FieldSpec;
      dependOn: FieldSpec;
      /** Value of `dependOn` -> the choices allowed with it; values and choices as written and folded (`fold`). */
      allowed: Map<string, Set<string>>;
      /** Every choice listed for some value, as written and folded: a choice listed nowhere is not judged. */
      listed: Set<string>;
    };

export interface Schema {
  description: LocalisedText;
  /** The record-start role: the key whose line starts a new record. */
  recordStart: string;
  /** The confidentiality role, when the schema has the field it names (read it through core/confidential.ts). */
  confidentialFlag: { field: FieldSpec; values: readonly string[] } | undefined;
  /** The story role, when the schema has the field it names: where "Convert to fragment" puts a story. */
  storyField: FieldSpec | undefined;
  fields: FieldSpec[];
  markers: MarkerData[];
  templates: TemplateData[];
  quality: QualitySpec;
  relations: CompiledRelation[];
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
