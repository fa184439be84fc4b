/**
 * The one fix pipeline (issue 14) on the core: every kind of fix data a diagnostic carries has one entry in the fix
 * table; quick fixes offer exactly its fixes, and fix-all applies exactly the ones it marks safe, never another.
 * (test/protocol/fix-pipeline.test.ts checks the same through the built server and the built CLI.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { TextEdit } from 'vscode-languageserver-types';
import { compileSchema, getDefaultSchema, parseWithSchema, validate, type FixData, type FragmentDiagnostic, type Schema } from '../../server/src/core';
import { fixAll } from '../../server/src/core/features/fix-all';
import { FIX_KINDS, fixesFor, fixKindOf } from '../../server/src/core/features/fixes';
import { quickFixes } from '../../server/src/core/features/quick-fixes';
import { applyEdits } from '../../server/src/core/features/shared';
import { FIX_SAMPLES, UNSAFE_SAMPLES } from '../support/fix-samples';
import { NOW, brokenRecord, seed } from '../support/fixtures';
import { damagedDocument } from '../support/robustness';

const URI = 'file:///pipeline.fragment';
const defaultSchema = getDefaultSchema();
const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);

function check(text: string, schema: Schema = defaultSchema): FragmentDiagnostic[] {
  return validate(text, { schema, now: NOW, uri: URI });
}

function context(text: string, schema: Schema = defaultSchema) {
  return { document: parseWithSchema(text, schema), schema, uri: URI };
}

/** What an action does, comparable with a fix: its title and its plain edits. */
function titleAndEdits(title: string, edits: readonly TextEdit[] | undefined): { title: string; edits: readonly TextEdit[] | undefined } {
  return { title, edits };
}

describe('one fix table drives quick fixes and fix-all', () => {
  it('declares every kind of fix data once, and every diagnostic the core reports names a kind in it', () => {
    assert.deepEqual(Object.keys(FIX_KINDS).sort(), Object.keys(FIX_SAMPLES).sort());
    const texts = [brokenRecord({ confidential: true }), seed(0), seed(1), seed(2), ...Object.values(FIX_SAMPLES).map((s) => s.text), ...UNSAFE_SAMPLES.map((s) => s.text)];
    for (const text of texts) for (const d of check(text)) assert.ok(fixKindOf(d), `${d.code} carries ${JSON.stringify(d.data)}, which the table does not know`);
  });

  for (const [kind, sample] of Object.entries(FIX_SAMPLES) as [FixData['fix'], (typeof FIX_SAMPLES)[FixData['fix']]][]) {
    it(`${kind}: the quick fixes are the table's fixes, and fix-all applies the safe one alone (${sample.code})`, () => {
      const diagnostics = check(sample.text);
      const diagnostic = diagnostics.find((d) => d.code === sample.code);
      assert.ok(diagnostic, `no ${sample.code} in ${diagnostics.map((d) => d.code).join(', ')}`);
      assert.equal(diagnostic.data.fix, kind);
      const fixes = fixesFor(context(sample.text), diagnostic);
      const actions = quickFixes(context(sample.text), [diagnostic], diagnostics);
      assert.deepEqual(
        actions.map((a) => titleAndEdits(a.title, a.edit?.changes?.[URI])),
        fixes.map((f) => titleAndEdits(f.title, f.edits)),
      );
      if (kind !== 'none') assert.ok(fixes.length > 0, 'the sample has a fix to offer');
      const safe = fixes.filter((f) => f.safe);
      assert.equal(safe.length, sample.fixed === undefined ? 0 : 1);
      const fixAllText = fixAll(sample.text, { schema: defaultSchema, now: NOW }).text;
      assert.equal(fixAllText, sample.fixed ?? sample.text);
      if (sample.fixed !== undefined) assert.equal(applyEdits(sample.text, safe[0].edits), fixAllText, 'fix-all writes what the safe quick fix writes');
    });
  }

  it('"Convert to fragment" is the story diagnostic\'s fix, offered wherever fixes are asked for in the story', () => {
    const story = seed(2);
    const diagnostics = check(story);
    assert.deepEqual(diagnostics.map((d) => d.data), [{ fix: 'convert-story' }]);
    // The cursor away from the diagnostic: the request names no diagnostic, and the story is still offered its fix.
    const [convert, ...more] = quickFixes(context(story), [], diagnostics);
    assert.deepEqual(more, []);
    assert.equal(convert.title, 'Convert to fragment (keep the story as the outcome description)');
    assert.deepEqual(convert.diagnostics, diagnostics);
    // A file read only in part (over the size limit) is not rewritten whole.
    assert.deepEqual(quickFixes({ ...context(story), partial: true }, diagnostics, diagnostics), []);
  });
});

describe('fix-all never applies a fix that needs a person', () => {
  for (const sample of UNSAFE_SAMPLES) {
    it(`${sample.code}: ${sample.why}`, () => {
      const schema = sample.schema ? compileSchema(sample.schema) : defaultSchema;
      const diagnostics = check(sample.text, schema);
      const diagnostic = diagnostics.find((d) => d.code === sample.code);
      assert.ok(diagnostic, `no ${sample.code} in ${diagnostics.map((d) => d.code).join(', ')}`);
      const fixes = fixesFor(context(sample.text, schema), diagnostic);
      assert.ok(fixes.length > 0, 'a quick fix is offered, so fix-all had one it could have applied');
      assert.deepEqual(fixes.filter((f) => f.safe).map((f) => f.title), []);
      assert.deepEqual(fixAll(sample.text, { schema, now: NOW }).edits, []);
    });
  }

  it('on damaged records: at most one safe fix per diagnostic, none of a kind that cannot be safe, every fix offered as a quick fix', () => {
    let safeSeen = 0;
    fc.assert(
      fc.property(damagedDocument, (text) => {
        const diagnostics = check(text);
        const fixContext = context(text);
        for (const diagnostic of diagnostics) {
          const fixes = fixesFor(fixContext, diagnostic);
          const safe = fixes.filter((f) => f.safe);
          assert.ok(safe.length <= 1, `${diagnostic.code}: ${safe.length} safe fixes`);
          if (!fixKindOf(diagnostic)?.canBeSafe) assert.deepEqual(safe, [], `${diagnostic.code}: a ${diagnostic.data.fix} fix marked safe`);
          safeSeen += safe.length;
          const offered = quickFixes(fixContext, [diagnostic], diagnostics).map((a) => titleAndEdits(a.title, a.edit?.changes?.[URI]));
          for (const fix of fixes) assert.ok(fix.edits.length > 0, `${fix.title} changes nothing`);
          for (const fix of fixes) assert.ok(offered.some((o) => o.title === fix.title && JSON.stringify(o.edits) === JSON.stringify(fix.edits)), `${fix.title} not offered`);
        }
        return true;
      }),
      { numRuns: RUNS, includeErrorInReport: true },
    );
    assert.ok(safeSeen > 0, 'safe fixes were met');
  });
});
