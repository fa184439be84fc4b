/**
 * Checks a parsed schema file against the published JSON Schema (schemas/fragment.schema.json) with ajv, and turns
 * ajv's errors into plain-language diagnostics at the exact place in the file.
 */
import * as l10n from '@vscode/l10n';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { Diagnostic } from 'vscode-languageserver-types';
import { directed } from '../l10n';
import { closest } from '../suggest';
import type { TextPositions } from './positions';

export const SCHEMA_DIAGNOSTIC_SOURCE = 'fragments';

/**
 * The format's own JSON Schema (ours, never a workspace's), compiled ahead of time by ajv (npm run generate). Required
 * on first use, from its own file in the bundle: only workspaces with a team schema need it.
 */
function validatorFor(): ValidateFunction {
  return require('./validate-format.generated') as typeof import('./validate-format.generated');
}

/** The most shape problems listed; after a wholesale mistake the first ones say enough. */
const MAX_SHAPE_PROBLEMS = 50;

export function checkShape(value: unknown, root: Node, positions: TextPositions): Diagnostic[] {
  const validate = validatorFor();
  if (validate(value)) return [];
  const seen = new Set<string>();
  const problems: Diagnostic[] = [];
  for (const error of validate.errors ?? []) {
    if (error.keyword === 'if') continue; // the `then`/`else` error that follows says what is missing
    if (error.keyword === 'propertyNames') continue; // the `pattern` error before it names the property
    const id = `${error.instancePath} ${error.keyword} ${JSON.stringify(error.params)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    problems.push(toDiagnostic(error, root, positions));
    if (problems.length >= MAX_SHAPE_PROBLEMS) break;
  }
  return problems;
}

function toDiagnostic(error: ErrorObject, root: Node, positions: TextPositions): Diagnostic {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const node = findNodeAtLocation(root, path) ?? root;
  const what = describe(path);
  const params = error.params as Record<string, unknown>;
  const at = (n: Node) => positions.range(n.offset, n.offset + n.length);
  /** For an object or list, only its opening bracket: underlining a whole block says less. */
  const opening = (n: Node) => (n.type === 'object' || n.type === 'array' ? positions.range(n.offset, n.offset + 1) : at(n));
  const diagnostic = (message: string, range = opening(node), severity: 1 | 2 = 1): Diagnostic => ({
    range,
    severity,
    source: SCHEMA_DIAGNOSTIC_SOURCE,
    code: 'schema-shape',
    message: directed(message),
  });

  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const property = node.type === 'object' ? node.children?.find((p) => p.children?.[0]?.value === name) : undefined;
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const guess = closest(name, known, 1);
      const range = property?.children?.[0] ? at(property.children[0]) : opening(node);
      const message =
        guess.length ? l10n.t('"{0}" is not part of the fragment schema format, so it is ignored. Did you mean "{1}"?', name, guess[0])
        : known.length ? l10n.t('"{0}" is not part of the fragment schema format, so it is ignored. Known here: {1}.', name, known.join(', '))
        : l10n.t('"{0}" is not part of the fragment schema format, so it is ignored.', name);
      return diagnostic(message, range, 2);
    }
    case 'required':
      return diagnostic(l10n.t('{0} needs "{1}".', what, String(params.missingProperty)));
    case 'type':
      return diagnostic(l10n.t('{0} should be {1}.', what, typeWords(params.type)), at(node));
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String).join(', ');
      const guess = typeof node.value === 'string' ? closest(node.value, (params.allowedValues as unknown[]).map(String), 1) : [];
      const message = guess.length ? l10n.t('{0} must be one of: {1}. Did you mean "{2}"?', what, allowed, guess[0]) : l10n.t('{0} must be one of: {1}.', what, allowed);
      return diagnostic(message, at(node));
    }
    case 'const':
      return diagnostic(l10n.t('{0} can only be {1}.', what, JSON.stringify(params.allowedValue)), at(node));
    case 'minLength':
      return diagnostic(l10n.t('{0} must not be empty.', what), at(node));
    case 'maxLength':
      return diagnostic(l10n.t('{0} is too long: at most {1} characters.', what, String(params.limit)), at(node));
    case 'minItems':
    case 'minProperties':
      return diagnostic(params.limit === 1 ? l10n.t('{0} must not be empty.', what) : l10n.t('{0} needs at least {1} entries.', what, String(params.limit)));
    case 'maxItems':
    case 'maxProperties':
      return diagnostic(l10n.t('{0} has too many entries: at most {1}.', what, String(params.limit)));
    case 'pattern': {
      // A property name that breaks `propertyNames` (the language tags of a description), or a field key.
      if (error.propertyName !== undefined) {
        const property = node.type === 'object' ? node.children?.find((p) => p.children?.[0]?.value === error.propertyName) : undefined;
        const range = property?.children?.[0] ? at(property.children[0]) : opening(node);
        return diagnostic(l10n.t('"{0}" is not a language tag. Write one such as "en", "fr", "es" or "ar".', error.propertyName), range);
      }
      return diagnostic(l10n.t('{0} cannot contain * or a line break: keys are written between ** and ** on one line.', what), at(node));
    }
    case 'minimum':
      return diagnostic(l10n.t('{0} must be at least {1}.', what, String(params.limit)), at(node));
    case 'maximum':
      return diagnostic(l10n.t('{0} must be at most {1}.', what, String(params.limit)), at(node));
    default:
      return diagnostic(l10n.t('{0} is not valid.', what), at(node));
  }
}

/**
 * `"kind" of field 3`, `item 2 of "values"`, `the schema`: where the problem is, in words, with a capital letter as it
 * starts each message. Each message has one place for it ({0}), so the place is one phrase of its own.
 */
function describe(path: (string | number)[]): string {
  return capital(place(path));
}

function place(path: (string | number)[]): string {
  if (path.length === 0) return l10n.t('the schema');
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (typeof last === 'number') return l10n.t('item {0} of "{1}"', last + 1, String(parent));
  if (typeof parent === 'number') return path[path.length - 3] === 'fields' ? l10n.t('"{0}" of field {1}', last, parent + 1) : l10n.t('"{0}" of item {1}', last, parent + 1);
  return `"${last}"`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function typeWords(type: unknown): string {
  const words: Record<string, () => string> = {
    string: () => l10n.t('text in double quotes'),
    array: () => l10n.t('a list in square brackets [ ]'),
    object: () => l10n.t('a group in curly braces { }'),
    boolean: () => l10n.t('true or false'),
    integer: () => l10n.t('a whole number'),
    number: () => l10n.t('a number'),
  };
  const types = (Array.isArray(type) ? type : [type]).map((t) => words[String(t)]?.() ?? String(t));
  return types.reduce((either, next) => l10n.t('{0} or {1}', either, next));
}
