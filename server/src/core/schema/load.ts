/**
 * Loads a team's `fragment.schema.json` from its text: JSON with comments (jsonc-parser), the shape checked against
 * the published JSON Schema (ajv), then the meaning (patterns RE2 can run, keys that exist, …). Every problem is a
 * diagnostic at its place in the schema file. Total: any text gives an answer, never an exception.
 */
import * as l10n from '@vscode/l10n';
import { createScanner, findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, SyntaxKind, type Node, type ParseError } from 'jsonc-parser';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DIAGNOSTIC_CODES } from '../diagnostic-codes';
import { directed } from '../l10n';
import { closest } from '../suggest';
import { checkShape, SCHEMA_DIAGNOSTIC_SOURCE } from './check-shape';
import { compilePattern, compileSchema, compileValues, declaredRoles, fold } from './compile';
import type { Schema, SchemaData } from './model';
import { TextPositions } from './positions';
import { namesOf, extendSchemaData } from './extend';

/** Far larger than any real schema (the built-in one is 9 kB; one inferred from thousands of records, ~100 kB). */
export const MAX_SCHEMA_TEXT = 2_000_000;
/** A fragment schema nests five levels deep; far more means the file is not one. */
export const MAX_SCHEMA_DEPTH = 64;

export interface SchemaLoadResult {
  /** The compiled schema, or undefined when the file has errors (then the last good schema or the default applies). */
  schema?: Schema;
  /** The complete data (after `extends`), when the file could be used. */
  data?: SchemaData;
  /** Problems in the schema file, positioned in it. Errors make the file unusable; warnings do not. */
  problems: Diagnostic[];
}

export function loadSchemaText(text: string, _path?: string): SchemaLoadResult {
  try {
    return load(text);
  } catch (error) {
    // Defensive: the checks above should leave nothing to throw, but a schema must never take the server down.
    const message = error instanceof Error ? error.message : String(error);
    return { problems: [problem(0, 0, 0, 0, l10n.t('This schema could not be read: {0}', message), 'schema-syntax')] };
  }
}

function load(original: string): SchemaLoadResult {
  if (original.length > MAX_SCHEMA_TEXT) {
    const size = (original.length / 1_000_000).toFixed(1);
    return { problems: [problem(0, 0, 0, 0, l10n.t('This file is too large for a fragment schema ({0} million characters; at most {1} million).', size, MAX_SCHEMA_TEXT / 1_000_000), 'schema-syntax')] };
  }
  const text = original.replace(/^\uFEFF/, ' '); // a byte-order mark is not a JSON error; keep offsets unchanged
  const positions = new TextPositions(text);
  const diagnostic = (start: number, end: number, message: string, code: string, severity: 1 | 2 = 1): Diagnostic => ({
    range: positions.range(start, end),
    severity,
    source: SCHEMA_DIAGNOSTIC_SOURCE,
    code,
    message: directed(message),
  });

  const tooDeep = deepestOffset(text);
  if (tooDeep !== undefined) {
    return { problems: [diagnostic(tooDeep, tooDeep + 1, l10n.t('Brackets are nested too deeply here (more than {0} levels); a fragment schema needs only a few.', MAX_SCHEMA_DEPTH), 'schema-syntax')] };
  }

  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !root) {
    const problems = errors.slice(0, 20).map((e) => diagnostic(e.offset, e.offset + e.length, syntaxMessage(e), 'schema-syntax'));
    if (problems.length === 0) problems.push(diagnostic(0, 0, l10n.t('This file is empty; a fragment schema is a JSON object such as {0}.', '{ "extends": "default", "fields": [] }'), 'schema-syntax'));
    return { problems };
  }

  const value: unknown = getNodeValue(root);
  const shape = checkShape(value, root, positions);
  if (shape.some((d) => d.severity === 1)) return { problems: shape };

  const own = value as SchemaData;
  const meaning = checkMeaning(own, root, diagnostic);
  const problems = [...shape, ...meaning];
  if (meaning.some((d) => d.severity === 1)) return { problems };

  const data = extendSchemaData({ ...own, fields: own.fields ?? [] });
  const extendedProblems = checkExtended(own, data, root, diagnostic);
  problems.push(...extendedProblems);
  if (extendedProblems.some((d) => d.severity === 1)) return { problems };
  return { schema: compileSchema(data), data, problems };
}

type MakeDiagnostic = (start: number, end: number, message: string, code: string, severity?: 1 | 2) => Diagnostic;

/** Checks that need more than the shape: patterns RE2 accepts, a pattern for the pattern kind, repeated keys. */
function checkMeaning(data: SchemaData, root: Node, diagnostic: MakeDiagnostic): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const at = (path: (string | number)[], message: string, code: string, severity: 1 | 2 = 1) => {
    const node = findNodeAtLocation(root, path) ?? root;
    problems.push(diagnostic(node.offset, node.offset + (node.type === 'object' ? 1 : node.length), message, code, severity));
  };
  const checkPattern = (pattern: string, path: (string | number)[]) => {
    try {
      compilePattern(pattern);
    } catch (error) {
      const reason = String(error instanceof Error ? error.message : error).replace(/^error parsing regexp:\s*/, '');
      at(path, l10n.t('This pattern cannot be used: {0}. Patterns use RE2 syntax, which has no look-arounds like {1} and no back-references like {2}; this keeps every check fast.', reason, '(?=…)', '\\1'), 'schema-pattern');
    }
  };
  (data.relations ?? []).forEach((relation, index) => {
    relation.sameCode?.forEach((side, sideIndex) => checkPattern(side.pattern, ['relations', index, 'sameCode', sideIndex, 'pattern']));
  });
  const seen = new Map<string, number>();
  (data.fields ?? []).forEach((field, index) => {
    if (field.pattern !== undefined) checkPattern(field.pattern, ['fields', index, 'pattern']);
    for (const code of Object.keys(field.severity ?? {})) {
      if ((DIAGNOSTIC_CODES as readonly string[]).includes(code)) continue;
      const guess = closest(code, DIAGNOSTIC_CODES, 1);
      const property = findNodeAtLocation(root, ['fields', index, 'severity', code])?.parent?.children?.[0];
      if (property) problems.push(diagnostic(property.offset, property.offset + property.length, guess.length ? l10n.t('"{0}" is not a problem code, so this line changes nothing. Did you mean "{1}"?', code, guess[0]) : l10n.t('"{0}" is not a problem code, so this line changes nothing.', code), 'schema-unknown-key', 2));
    }
    for (const name of namesOf(field)) {
      const first = seen.get(name);
      if (first !== undefined && first !== index) {
        at(['fields', index, 'key'], l10n.t('Field {0} already uses the key or alias "{1}"; only that first field counts.', first + 1, name), 'schema-duplicate-key', 2);
        break;
      }
      seen.set(name, index);
    }
  });
  return problems;
}

/** Checks against the complete schema (with `extends` applied): names that point at fields must find one. */
function checkExtended(own: SchemaData, data: SchemaData, root: Node, diagnostic: MakeDiagnostic): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const names = new Set(data.fields.flatMap(namesOf));
  const warn = (node: Node | undefined, message: string) => {
    if (node) problems.push(diagnostic(node.offset, node.offset + node.length, message, 'schema-unknown-key', 2));
  };
  (own.fieldOrder ?? []).forEach((key, index) => {
    if (!names.has(fold(key))) warn(findNodeAtLocation(root, ['fieldOrder', index]), l10n.t('No field has the key "{0}", so it does not change the order.', key));
  });
  (own.templates ?? []).forEach((template, index) => {
    for (const key of Object.keys(template.values ?? {})) {
      if (names.has(fold(key))) continue;
      const property = findNodeAtLocation(root, ['templates', index, 'values', key])?.parent;
      warn(property?.children?.[0], l10n.t('No field has the key "{0}", so the template cannot fill it in.', key));
    }
  });
  const unknownKey = (path: (string | number)[], key: string) => {
    if (!names.has(fold(key))) warn(findNodeAtLocation(root, path), l10n.t('No field has the key "{0}", so this relation is not checked.', key));
  };
  (own.relations ?? []).forEach((relation, index) => {
    relation.sameCode?.forEach((side, sideIndex) => unknownKey(['relations', index, 'sameCode', sideIndex, 'field'], side.field));
    if (relation.valuesOf !== undefined) unknownKey(['relations', index, 'valuesOf'], relation.valuesOf);
    if (relation.dependOn !== undefined) unknownKey(['relations', index, 'dependOn'], relation.dependOn);
  });
  for (const field of data.fields) {
    if (field.kind !== 'pattern' || field.pattern !== undefined) continue;
    const index = (own.fields ?? []).findIndex((f) => namesOf(f).includes(fold(field.key)));
    const node = findNodeAtLocation(root, index >= 0 ? ['fields', index, 'kind'] : []) ?? root;
    problems.push(diagnostic(node.offset, node.offset + (node.type === 'object' ? 1 : node.length), l10n.t('The field "{0}" is of kind "pattern" but has no "pattern" for its values to match.', field.key), 'schema-shape'));
  }
  checkRoles(own, data, root, warn);
  return problems;
}

/**
 * Each role the team's schema names must name one of its fields (with `extends`, the built-in ones count), and the
 * values that mean "confidential" must be values the field accepts; otherwise the role does nothing, and says so.
 */
function checkRoles(own: SchemaData, data: SchemaData, root: Node, warn: (node: Node | undefined, message: string) => void): void {
  const declared = declaredRoles(own);
  const fieldNamed = (name: string) => data.fields.find((field) => namesOf(field).includes(fold(name)));
  const at = (...path: (string | number)[]) => findNodeAtLocation(root, path);
  if (declared.recordStart !== undefined && !fieldNamed(declared.recordStart)) {
    const node = own.roles?.recordStart !== undefined ? at('roles', 'recordStart') : at('recordStart');
    warn(node, l10n.t('No field has the key "{0}"; add it to "fields" so records can start with it.', declared.recordStart));
  }
  const confidential = declared.confidential;
  if (confidential) {
    const field = fieldNamed(confidential.field);
    if (!field) {
      warn(at('roles', 'confidential', 'field'), l10n.t('No field has the key "{0}", so no record can be marked confidential and contact details are not looked for. Add the field to "fields", or name one that is there.', confidential.field));
    } else if (field.kind === 'closed' || field.kind === 'flag') {
      const accepted = compileValues(field).map((v) => v.value);
      const listed = accepted.length > 6 ? `${accepted.slice(0, 6).join(', ')}, …` : accepted.join(', ');
      confidential.values.forEach((value, index) => {
        if (!accepted.includes(value)) warn(at('roles', 'confidential', 'values', index), l10n.t('The field "{0}" does not accept "{1}", so no record is marked confidential with it. It accepts: {2}.', field.key, value, listed));
      });
    }
  }
  if (declared.story !== undefined && !fieldNamed(declared.story)) {
    warn(at('roles', 'story'), l10n.t('No field has the key "{0}", so "Convert to fragment" cannot put a story there and the prompts that read the outcome stay silent. Add the field to "fields", or name one that is there.', declared.story));
  }
  for (const role of ['year', 'evidence'] as const) {
    const key = declared[role];
    if (key !== undefined && !fieldNamed(key)) warn(at('roles', role), l10n.t('No field has the key "{0}", so the prompts that read it stay silent. Add the field to "fields", or name one that is there.', key));
  }
}

/** Offset of the first bracket nested deeper than MAX_SCHEMA_DEPTH: checked with the scanner (no recursion). */
function deepestOffset(text: string): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_SCHEMA_DEPTH) return scanner.getTokenOffset();
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** Each parse error as a whole sentence (one message each, so that every language can word it its own way). */
function syntaxMessage(error: ParseError): string {
  const name = printParseErrorCode(error.error);
  switch (name) {
    case 'InvalidSymbol': return l10n.t('The schema is not valid JSON: This character is not valid JSON here.');
    case 'InvalidNumberFormat': return l10n.t('The schema is not valid JSON: This number is not written correctly.');
    case 'PropertyNameExpected': return l10n.t('The schema is not valid JSON: A property name in double quotes is expected here.');
    case 'ValueExpected': return l10n.t('The schema is not valid JSON: A value is expected here (text in double quotes, a number, true, false, a list [ ] or a group { }).');
    case 'ColonExpected': return l10n.t('The schema is not valid JSON: A colon (:) is expected after the property name.');
    case 'CommaExpected': return l10n.t('The schema is not valid JSON: A comma is expected between two entries.');
    case 'CloseBraceExpected': return l10n.t('The schema is not valid JSON: A closing brace } is missing.');
    case 'CloseBracketExpected': return l10n.t('The schema is not valid JSON: A closing bracket ] is missing.');
    case 'EndOfFileExpected': return l10n.t('The schema is not valid JSON: Nothing should follow the closing brace of the schema.');
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment': return l10n.t('The schema is not valid JSON: This comment is not closed.');
    case 'UnexpectedEndOfString': return l10n.t('The schema is not valid JSON: This text is not closed with a double quote.');
    case 'UnexpectedEndOfNumber': return l10n.t('The schema is not valid JSON: This number is cut short.');
    case 'InvalidUnicode': return l10n.t('The schema is not valid JSON: This {0} escape is not valid.', '\\u');
    case 'InvalidEscapeCharacter': return l10n.t('The schema is not valid JSON: This backslash escape is not valid JSON; write {0} for a backslash.', '\\\\');
    case 'InvalidCharacter': return l10n.t('The schema is not valid JSON: This character is not allowed inside text; line breaks in text are written {0}.', '\\n');
    default: return l10n.t('The schema is not valid JSON: {0}', name);
  }
}

function problem(startLine: number, startCharacter: number, endLine: number, endCharacter: number, message: string, code: string): Diagnostic {
  return {
    range: { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } },
    severity: 1,
    source: SCHEMA_DIAGNOSTIC_SOURCE,
    code,
    message: directed(message),
  };
}
