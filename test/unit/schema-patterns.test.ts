/**
 * The built-in schema's patterns run in JavaScript's engine, team patterns in RE2 (compile.ts). These tests check the
 * two agree on the built-in patterns, so a team that copies one into its own schema gets the same answers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compileBuiltInPattern, compilePattern, DEFAULT_SCHEMA_DATA, getDefaultSchema } from '../../server/src/core';

const fieldPatterns = DEFAULT_SCHEMA_DATA.fields.flatMap((field) => (field.pattern === undefined ? [] : [{ key: field.key, source: field.pattern }]));
/** The patterns of the built-in relations, which capture the codes compared (fields-disagree). */
const relationPatterns = (DEFAULT_SCHEMA_DATA.relations ?? []).flatMap((relation) => (relation.sameCode ?? []).map((side) => ({ key: `${side.field} (relation)`, source: side.pattern })));
const builtInPatterns = [...fieldPatterns, ...relationPatterns];

/** Strings near each pattern: its own literal characters and a few that break it, in any order and length. */
function nearMisses(source: string): fc.Arbitrary<string> {
  const alphabet = [...new Set([...source.replace(/\\./g, ''), 'A', 'z', '0', '9', ' ', '-', '/', '<', '>', ':', 'é', '\n'])];
  return fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((chars) => chars.join(''));
}

describe('built-in schema patterns', () => {
  it('are the ones the default schema uses, compiled with the built-in engine', () => {
    assert.ok(fieldPatterns.length >= 3, 'the default schema has patterns to compare');
    assert.equal(relationPatterns.length, 2, 'and relations with patterns');
    const schema = getDefaultSchema();
    for (const { key, source } of fieldPatterns) assert.equal(schema.byName.get(key)?.pattern?.source, source);
    const compiled = schema.relations.flatMap((relation) => (relation.kind === 'same-code' ? relation.sides.map((side) => side.pattern.source) : []));
    assert.deepEqual(compiled, relationPatterns.map((p) => p.source));
  });

  for (const { key, source } of builtInPatterns) {
    it(`"${key}" matches exactly what RE2 matches`, () => {
      const native = compileBuiltInPattern(source);
      const re2 = compilePattern(source);
      const examples = fc.oneof(nearMisses(source), fc.string({ maxLength: 30 }), fc.constantFrom('SCC-<redacted>/PHR012', 'harvest 2', 'FA: Family', 'ABC-1/2 ', 'harvest 12x', 'PHR: Peace', 'SCC-1/GEQ3', 'a/b/PHR012'));
      fc.assert(
        fc.property(examples, (value) => {
          assert.equal(native.matches(value), re2.matches(value), `exact match of ${JSON.stringify(value)}`);
          assert.equal(native.matchesIgnoringCase(value), re2.matchesIgnoringCase(value), `ignoring case: ${JSON.stringify(value)}`);
          assert.equal(native.captured(value), re2.captured(value), `captured in ${JSON.stringify(value)}`);
        }),
        { numRuns: 2000 },
      );
    });
  }

  it('match whole values only, as RE2 does', () => {
    for (const { source } of builtInPatterns) {
      const native = compileBuiltInPattern(source);
      assert.equal(native.matches(`x${source}`), compilePattern(source).matches(`x${source}`));
    }
    assert.equal(compileBuiltInPattern('harvest [0-9]+').matches('harvest 3 and more'), false);
    assert.equal(compileBuiltInPattern('a|b').matches('ab'), false, 'alternatives are grouped before anchoring');
  });
});
