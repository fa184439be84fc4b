import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from '../../server/src/core';
import type { Rule } from '../../server/src/core/rules/rule';
import { VALID_RECORD } from '../support/fixtures';

describe('facts the rules of one check share (RuleContext.once)', () => {
  it('works a fact out once per check for every rule that asks, and afresh on the next check', () => {
    const key = {};
    let computed = 0;
    const seen: number[] = [];
    const asking: Rule = {
      code: 'pii',
      describe: () => 'asks for the shared fact',
      check(context) {
        seen.push(context.once(key, () => ++computed));
      },
    };
    validate(VALID_RECORD, { rules: [asking, asking, asking] });
    assert.deepEqual(seen, [1, 1, 1]);
    // A fact belongs to its check: the next one (after an edit, say) works it out again.
    validate(VALID_RECORD, { rules: [asking] });
    assert.deepEqual(seen, [1, 1, 1, 2]);
  });
  it('keeps facts of different keys apart', () => {
    const first = {};
    const second = {};
    const values: string[] = [];
    const asking: Rule = {
      code: 'pii',
      describe: () => 'asks for two facts',
      check(context) {
        values.push(context.once(first, () => 'first'), context.once(second, () => 'second'));
      },
    };
    validate(VALID_RECORD, { rules: [asking] });
    assert.deepEqual(values, ['first', 'second']);
  });
});
