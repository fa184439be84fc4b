/**
 * Checks a parsed schema file against the published JSON Schema (schemas/fragment.schema.json) with ajv, and turns
 * ajv's errors into plain-language diagnostics at the exact place in the file.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { Diagnostic } from 'vscode-languageserver-types';
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
    message,
  });

  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const property = node.type === 'object' ? node.children?.find((p) => p.children?.[0]?.value === name) : undefined;
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const guess = closest(name, known, 1);
      const hint = guess.length ? ` Did you mean "${guess[0]}"?` : known.length ? ` Known here: ${known.join(', ')}.` : '';
      const range = property?.children?.[0] ? at(property.children[0]) : opening(node);
      return diagnostic(`"${name}" is not part of the fragment schema format, so it is ignored.${hint}`, range, 2);
    }
    case 'required':
      return diagnostic(`${capital(what)} needs "${String(params.missingProperty)}".`);
    case 'type':
      return diagnostic(`${capital(what)} should be ${typeWords(params.type)}.`, at(node));
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const guess = typeof node.value === 'string' ? closest(node.value, allowed, 1) : [];
      const hint = guess.length ? ` Did you mean "${guess[0]}"?` : '';
      return diagnostic(`${capital(what)} must be one of: ${allowed.join(', ')}.${hint}`, at(node));
    }
    case 'const':
      return diagnostic(`${capital(what)} can only be ${JSON.stringify(params.allowedValue)}.`, at(node));
    case 'minLength':
      return diagnostic(`${capital(what)} must not be empty.`, at(node));
    case 'maxLength':
      return diagnostic(`${capital(what)} is too long: at most ${String(params.limit)} characters.`, at(node));
    case 'minItems':
      return diagnostic(`${capital(what)} needs at least ${String(params.limit)} ${params.limit === 1 ? 'entry' : 'entries'}.`);
    case 'maxItems':
    case 'maxProperties':
      return diagnostic(`${capital(what)} has too many entries: at most ${String(params.limit)}.`);
    case 'pattern':
      return diagnostic(`${capital(what)} cannot contain * or a line break: keys are written between ** and ** on one line.`, at(node));
    case 'minimum':
    case 'maximum':
      return diagnostic(`${capital(what)} must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}.`, at(node));
    default:
      return diagnostic(`${capital(what)} ${error.message ?? 'is not valid'}.`, at(node));
  }
}

/** `"kind" of field 3`, `item 2 of "values"`, `the schema`: where the problem is, in words. */
function describe(path: (string | number)[]): string {
  if (path.length === 0) return 'the schema';
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (typeof last === 'number') return `item ${last + 1} of "${String(parent)}"`;
  if (typeof parent === 'number') return `"${last}" of ${path[path.length - 3] === 'fields' ? 'field' : 'item'} ${parent + 1}`;
  return `"${last}"`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function typeWords(type: unknown): string {
  const words: Record<string, string> = {
    string: 'text in double quotes',
    array: 'a list in square brackets [ ]',
    object: 'a group in curly braces { }',
    boolean: 'true or false',
    integer: 'a whole number',
    number: 'a number',
  };
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => words[String(t)] ?? String(t)).join(' or ');
}
