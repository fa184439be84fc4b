/**
 * Property-based tests on the core: real records with random damage (inserted, deleted and replaced characters,
 * random Unicode, lone surrogates, NUL bytes, mixed line endings, huge lines). Whatever the text, every feature
 * answers without throwing, every range it returns lies inside the document, quick fixes fix what they say,
 * and fix-all and formatting are idempotent and keep the user's text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { getDefaultSchema, parseWithSchema, splitLines, validate } from '../../server/src/core';
import { complete } from '../../server/src/core/features/completion';
import { fixAll } from '../../server/src/core/features/fix-all';
import { foldingRanges } from '../../server/src/core/features/folding';
import { formatEdits } from '../../server/src/core/features/format';
import { hover } from '../../server/src/core/features/hover';
import { quickFixes } from '../../server/src/core/features/quick-fixes';
import { redactionActions } from '../../server/src/core/features/redaction';
import { sortFieldsEdits } from '../../server/src/core/features/sort-fields';
import { documentSymbols } from '../../server/src/core/features/symbols';
import { NOW } from '../support/fixtures';
import {
  completionProblems,
  damagedDocument,
  diagnosticProblems,
  editProblems,
  editsFor,
  fixAllProblems,
  foldingProblems,
  formattingProblems,
  positionsIn,
  quickFixProblems,
  rangeProblem,
  symbolProblems,
  takenTextProblems,
} from '../support/robustness';

const schema = getDefaultSchema();
const URI = 'file:///property.fragment';
/** Enough runs to find the usual mistakes quickly; `npm run fuzz` runs the same checks over many more documents. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);

const check = (text: string) => validate(text, { schema, uri: URI, now: NOW });
const parsed = (text: string) => parseWithSchema(text, schema);
const format = (text: string) => formatEdits(parsed(text), schema);

function none(problems: readonly string[]): boolean {
  if (problems.length) throw new Error(problems.slice(0, 5).join('\n'));
  return true;
}

const fractions = fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 1, maxLength: 6 });

describe('properties of the core on damaged records', () => {
  it('every feature answers and every range it gives lies inside the document', () => {
    fc.assert(
      fc.property(damagedDocument, fractions, (text, where) => {
        const document = parsed(text);
        const lines = splitLines(text);
        const diagnostics = check(text);
        const problems = [
          ...diagnosticProblems(text, diagnostics),
          ...diagnostics.flatMap((d) => (d.relatedInformation ?? []).flatMap((r) => rangeProblem(lines, r.location.range, `related information of ${d.code}`) ?? [])),
          ...symbolProblems(text, documentSymbols(document, schema)),
          ...foldingProblems(text, foldingRanges(document)),
          ...editProblems(text, sortFieldsEdits(document, schema), 'sort fields'),
        ];
        for (const position of positionsIn(text, where)) {
          for (const snippets of [true, false]) problems.push(...completionProblems(text, position, complete(document, schema, position, { snippets, now: NOW })));
          const answer = hover(document, schema, position);
          if (answer?.range) problems.push(...[rangeProblem(lines, answer.range, 'hover')].flatMap((p) => p ?? []));
        }
        const [a, b] = positionsIn(text, where);
        const selection = a.line < b.line || (a.line === b.line && a.character <= b.character) ? { start: a, end: b } : { start: b, end: a };
        for (const action of redactionActions(document, schema, URI, selection)) problems.push(...editProblems(text, editsFor(action.edit, URI), action.title));
        // With snippet edits the fix text holds placeholders; its ranges must still fit.
        for (const action of quickFixes({ document, schema, uri: URI, snippetEdits: true }, diagnostics)) {
          for (const change of action.edit?.documentChanges ?? []) {
            if ('edits' in change) for (const edit of change.edits) problems.push(...[rangeProblem(lines, edit.range, action.title)].flatMap((p) => p ?? []));
          }
        }
        return none(problems);
      }),
      { numRuns: RUNS, includeErrorInReport: true },
    );
  });

  it('every quick fix applies cleanly and removes the problem it is for', () => {
    let applied = 0;
    fc.assert(
      fc.property(damagedDocument, (text) => {
        const diagnostics = check(text);
        if (diagnostics.length >= 1000) return true; // capped: counts before and after are not comparable
        const actions: CodeAction[] = quickFixes({ document: parsed(text), schema, uri: URI }, diagnostics);
        const problems: string[] = [];
        for (const action of actions) {
          const codes = (action.diagnostics ?? []).map((d: Diagnostic) => String(d.code));
          problems.push(...quickFixProblems(text, action.title, codes, editsFor(action.edit, URI), diagnostics, check));
          problems.push(...takenTextProblems(text, action.title, editsFor(action.edit, URI)));
          applied++;
        }
        return none(problems);
      }),
      { numRuns: RUNS, includeErrorInReport: true },
    );
    assert.ok(applied > RUNS, `quick fixes were tried (${applied})`);
  });

  it('fix-all is idempotent, keeps every record and every line it has no reason to touch', () => {
    fc.assert(
      fc.property(damagedDocument, (text) => {
        const { edits } = fixAll(text, { schema, now: NOW });
        const fixAgain = (fixed: string) => fixAll(fixed, { schema, now: NOW }).edits;
        return none(fixAllProblems(text, check(text), edits, fixAgain));
      }),
      { numRuns: RUNS, includeErrorInReport: true },
    );
  });

  it('formatting is idempotent and keeps every line and every non-space character in order', () => {
    fc.assert(
      fc.property(damagedDocument, (text) => none(formattingProblems(text, format(text), format))),
      { numRuns: RUNS, includeErrorInReport: true },
    );
  });
});
