/** The TextMate grammar, run by the same engine VS Code uses (vscode-textmate + oniguruma). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';
import { generatedFiles, GRAMMAR_PATH } from '../../scripts/generate-contributions';

let grammar: IGrammar;

/** Each token of each line as [text, most specific scope]. */
function tokenize(text: string): [string, string][][] {
  let state = INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1]] as [string, string]);
  });
}

function scopeOf(text: string, token: string): string {
  const found = tokenize(text).flat().find(([t]) => t === token);
  assert.ok(found, `no token ${JSON.stringify(token)} in ${JSON.stringify(tokenize(text))}`);
  return found[1];
}

describe('grammar', () => {
  before(async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
      loadGrammar: async () => parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH),
    });
    const loaded = await registry.loadGrammar('text.fragment');
    assert.ok(loaded);
    grammar = loaded;
  });

  it('scopes the key, its bold markers and the colon', () => {
    const line = '**Outcome description**: text';
    assert.equal(scopeOf(line, '**'), 'punctuation.definition.key.begin.fragment');
    assert.equal(scopeOf(line, 'Outcome description'), 'support.type.property-name.key.fragment');
    assert.equal(scopeOf(line, ':'), 'punctuation.separator.key-value.fragment');
  });

  it('keeps the export’s space inside the bold as part of the key line', () => {
    assert.equal(scopeOf('**Additional information (use if needed) **: x', 'Additional information (use if needed)'), 'support.type.property-name.key.fragment');
  });

  it('scopes YES/NO flags, years and closed-list values', () => {
    assert.equal(scopeOf('**Outcome is negative**: NO', 'NO'), 'constant.language.boolean.flag.fragment');
    assert.equal(scopeOf('**Year**: 2025', '2025'), 'constant.numeric.year.fragment');
    assert.equal(scopeOf('**Scale**: Regional', 'Regional'), 'constant.language.allowed-value.fragment');
    assert.equal(scopeOf('**Rating contribution**: great', 'great'), 'constant.language.allowed-value.fragment');
  });

  it('does not colour a closed-list word inside prose', () => {
    assert.equal(scopeOf('**Outcome description**: a great change', ' a great change'), 'meta.value.fragment');
  });

  it('scopes redaction markers in values and on continuation lines, and flags unknown ones', () => {
    const text = '**Outcome description**: <person> led in <LOC>\nand <redacted> went on with <persn>\n**Year**: 2024';
    const lines = tokenize(text);
    const scopes = new Map(lines.flat());
    assert.equal(scopes.get('<person>'), 'variable.other.constant.redaction-marker.fragment');
    assert.equal(scopes.get('<LOC>'), 'variable.other.constant.redaction-marker.fragment');
    assert.equal(scopes.get('<redacted>'), 'variable.other.constant.redaction-marker.fragment');
    assert.equal(scopes.get('<persn>'), 'invalid.deprecated.unknown-marker.fragment');
    assert.equal(lines[2].find(([t]) => t === 'Year')?.[1], 'support.type.property-name.key.fragment');
  });

  it('is what the generator writes from the default schema', () => {
    for (const file of generatedFiles()) {
      assert.equal(readFileSync(file.path, 'utf8'), file.text, `${file.path} is out of date: run npm run generate`);
    }
  });
});
