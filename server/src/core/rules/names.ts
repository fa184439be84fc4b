/**
 * What the name checks of confidential records share: the names a schema lets a record show, and the words a schema
 * itself uses.
 */
import { isConfidential } from '../confidential';
import { fieldValue, hasValue, type Field } from '../parser';
import { fold } from '../schema/compile';
import type { FieldSpec, Schema } from '../schema/model';
import type { RuleContext } from './rule';
import { tokenize, type Token } from './words';

interface NameLists {
  /** The schema's allowedNames, folded. */
  allowed: ReadonlySet<string>;
  /** Every key, alias and listed value of the schema, folded: the schema's own words are not names to hide. */
  schemaWords: ReadonlySet<string>;
}

const lists = new WeakMap<Schema, NameLists>();

function listsOf(schema: Schema): NameLists {
  let found = lists.get(schema);
  if (!found) {
    const schemaWords = new Set<string>();
    for (const field of schema.fields) {
      for (const name of [field.key, ...field.aliases]) schemaWords.add(fold(name));
      for (const value of field.values) schemaWords.add(fold(value.value));
    }
    found = { allowed: new Set(schema.allowedNames.map(fold)), schemaWords };
    lists.set(schema, found);
  }
  return found;
}

/** Whether a name found in a record may stay: the team allows it, or it is one of the schema's own keys or values. */
export function mayShow(schema: Schema, name: string): boolean {
  const { allowed, schemaWords } = listsOf(schema);
  const folded = fold(name);
  return allowed.has(folded) || schemaWords.has(folded);
}

/** One text value of a confidential record, with its words. */
export interface ConfidentialText {
  field: Field;
  spec: FieldSpec | undefined;
  value: string;
  tokens: Token[];
}

/** Words read per value: far beyond a real value, a bound on the work of a megabyte one. */
const MAX_TOKENS = 20_000;

/** Each field's tokens, read once for all the confidentiality rules of a check (fields belong to one parse). */
const tokenCache = new WeakMap<Field, Token[]>();

function tokensOf(field: Field, value: string): Token[] {
  let tokens = tokenCache.get(field);
  if (!tokens) {
    tokens = tokenize(value, MAX_TOKENS);
    tokenCache.set(field, tokens);
  }
  return tokens;
}

/** A text value of a confidential record, before it is read into words. */
export type ConfidentialValue = Omit<ConfidentialText, 'tokens'>;

/** The key of the text values of the confidential records among the facts a check shares (RuleContext.once). */
const CONFIDENTIAL_VALUES = {};

/**
 * The text values of each confidential record, found once per check for the rules that read them (pii and the four
 * name checks).
 */
function confidentialValuesOf(context: RuleContext): readonly (readonly ConfidentialValue[])[] {
  return context.once(CONFIDENTIAL_VALUES, () => findConfidentialValues(context));
}

function findConfidentialValues(context: RuleContext): readonly (readonly ConfidentialValue[])[] {
  const lists: ConfidentialValue[][] = [];
  // Without a confidentiality role no record is confidential: the records are not even looked at.
  if (context.schema.confidentialFlag) {
    const { records } = context.document;
    for (let r = 0; r < records.length; r++) {
      if (!isConfidential(records[r], context.schema, context.specOf)) continue;
      const values: ConfidentialValue[] = [];
      for (const field of records[r].fields) {
        const spec = context.specOf(field);
        if ((spec && spec.kind !== 'text') || !hasValue(field)) continue;
        values.push({ field, spec, value: fieldValue(field) });
      }
      if (values.length > 0) lists.push(values);
    }
  }
  return lists;
}

/**
 * Calls `visit` with the text values (free text, or a field the schema does not know) of each record marked
 * confidential, as one list per record; empty values are left out.
 */
export function eachConfidentialValues(context: RuleContext, visit: (values: readonly ConfidentialValue[]) => void): void {
  for (const values of confidentialValuesOf(context)) {
    // In document order: once the file's cap is reached before a record, whatever the rule finds there is cut.
    if (context.pastCap(values[0].field.line)) return;
    visit(values);
  }
}

/** Each text value of each confidential record (see eachConfidentialValues). */
export function eachConfidentialValue(context: RuleContext, visit: (value: ConfidentialValue) => void): void {
  eachConfidentialValues(context, (values) => values.forEach(visit));
}

/** A value's words, read once per check for all the rules that need them. */
export function withTokens(text: ConfidentialValue): ConfidentialText {
  return { ...text, tokens: tokensOf(text.field, text.value) };
}

/**
 * Calls `visit` with each text value of each confidential record, read into words. Values without a letter (only a
 * marker) are left out, and so are values for which `mayMatch` says there is nothing to find.
 */
export function eachConfidentialText(context: RuleContext, visit: (text: ConfidentialText) => void, mayMatch?: (value: string) => boolean): void {
  eachConfidentialValue(context, (value) => {
    // A rule that can tell from the text alone that it finds nothing saves reading the value into words.
    if (mayMatch && !mayMatch(value.value)) return;
    const text = withTokens(value);
    if (text.tokens.some((t) => t.kind === 'word')) visit(text);
  });
}


/** Whether only spaces or tabs stand between two tokens (a line break ends a phrase). */
export function adjacent(value: string, left: Token, right: Token): boolean {
  for (let i = left.end; i < right.start; i++) {
    const code = value.charCodeAt(i);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}
