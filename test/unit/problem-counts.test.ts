// What the status item says of a file's diagnostics (client/src/problem-counts.ts): errors and warnings are
// problems, information diagnostics are notes, counted apart. Seed 000 has only information prompts: its item says
// "no problems · 17 notes", where it used to say "17 problems". (The e2e journey reads the real status item.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate } from '../../server/src/core';
import { countProblems, problemCountExplanation, problemCountText } from '../../client/src/problem-counts';
import { seed } from '../support/fixtures';

/** An LSP severity (1 = Error … 4 = Hint) as VS Code numbers it (0 = Error … 3 = Hint), as the language client maps it. */
const vscodeSeverity = (lsp: number | undefined) => (lsp ?? 1) - 1;

test('errors and warnings are problems; information notes are counted apart; hints are not counted', () => {
  assert.deepEqual(countProblems([0, 1, 2, 2, 3]), { problems: 2, notes: 2 });
  assert.deepEqual(countProblems([]), { problems: 0, notes: 0 });
});

test('the text names notes only when there are some, in plain words', () => {
  assert.equal(problemCountText({ problems: 0, notes: 0 }), 'no problems');
  assert.equal(problemCountText({ problems: 1, notes: 0 }), '1 problem');
  assert.equal(problemCountText({ problems: 2, notes: 15 }), '2 problems · 15 notes');
  assert.equal(problemCountText({ problems: 0, notes: 1 }), 'no problems · 1 note');
});

test('the tooltip says what each count means', () => {
  assert.equal(problemCountExplanation({ problems: 0, notes: 0 }), 'This file has no problems and no notes.');
  assert.equal(
    problemCountExplanation({ problems: 1, notes: 3 }),
    'This file has 1 problem (an error or a warning) and 3 notes (prompts to read the text again). The Problems panel lists them.',
  );
});

test('seed 000, whose diagnostics are all information prompts, has no problems and its notes', () => {
  const diagnostics = validate(seed(0), { uri: 'file:///000.fragment' });
  assert.ok(diagnostics.length > 0 && diagnostics.every((d) => d.severity === 3), 'the seed has information prompts only');
  const counts = countProblems(diagnostics.map((d) => vscodeSeverity(d.severity)));
  assert.equal(problemCountText(counts), `no problems · ${diagnostics.length} notes`);
});
