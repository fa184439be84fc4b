/**
 * The line grammar (server/src/core/grammar.ts) and what is generated from it: the TextMate grammar, run by the same
 * engine VS Code uses (vscode-textmate + oniguruma), and package.json's `firstLine`. Each generated expression must
 * accept exactly what the parser reads.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';
import { buildManifest, generatedFiles, GRAMMAR_PATH, MANIFEST_PATH } from '../../scripts/generate-contributions';
import { getDefaultSchema, parseWithSchema } from '../../server/src/core';
import { FRAGMENT_FIRST_LINE, startsWithFragmentId } from '../../server/src/core/fragment-file';
import {
  FIELD_HEAD,
  FIELD_HEAD_TEXTMATE,
  fieldKeyEnd,
  fieldLineKey,
  fieldValueStart,
  isMarkerToken,
  LAYOUT,
  isMarkerTokenStart,
  MARKER_TOKEN_SOURCE,
  markerTokens,
} from '../../server/src/core/grammar';

/** Lines made of the pieces field lines are made of, near misses included, and keys around the length limit. */
const PIECES = ['**', '*', ':', ' ', '\t', '\u00a0', '\uFEFF', 'FragmentID', 'Scale', 'k'.repeat(99), 'k'.repeat(100), '_', '<', '>', '<LOC>', 'a b', '-', '1', 'é'];
const line = fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }).map((parts) => parts.join(''));
const RUNS = 3000;
/** Keys at the length limit and one past it, with the export's space inside the bold. */
const LONG_KEYS: [string][] = [[`**${'k'.repeat(200)}**: x`], [`**${'k'.repeat(201)}**: x`], [`**${'k'.repeat(199)} **: x`], [`**${'k'.repeat(200)} **: x`], ['** **: x']];

/** Every match of an Oniguruma expression in `text`, left to right, as [start, end). */
function onigAll(source: string, text: string): [number, number][] {
  const scanner = new oniguruma.OnigScanner([source]);
  const string = new oniguruma.OnigString(text);
  const found: [number, number][] = [];
  try {
    for (let at = 0; at <= text.length; ) {
      const match = scanner.findNextMatchSync(string, at);
      if (!match) break;
      const { start, end } = match.captureIndices[0];
      found.push([start, end]);
      at = end > start ? end : end + 1;
    }
  } finally {
    string.dispose();
    scanner.dispose();
  }
  return found;
}

/** What an Oniguruma expression matches at the start of `text`: the match and its captures, or undefined. */
function onig(source: string, text: string): string[] | undefined {
  const scanner = new oniguruma.OnigScanner([source]);
  const string = new oniguruma.OnigString(text);
  try {
    const match = scanner.findNextMatchSync(string, 0);
    if (!match || match.captureIndices[0].start !== 0) return undefined;
    return match.captureIndices.map((c) => text.slice(c.start, c.end));
  } finally {
    string.dispose();
    scanner.dispose();
  }
}

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

/** The scopes of each line: every scope any of its tokens has. */
function lineScopes(text: string): Set<string>[] {
  let state = INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return new Set(result.tokens.flatMap((t) => t.scopes));
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

  it('is what the generator writes from the line grammar and the default schema (and so is package.json\'s firstLine)', () => {
    const files = generatedFiles();
    assert.ok(files.some((file) => file.path === MANIFEST_PATH));
    for (const file of files) {
      assert.equal(readFileSync(file.path, 'utf8'), file.text, `${file.path} is out of date: run npm run generate`);
    }
  });

  it('notices a firstLine edited by hand', () => {
    const manifest = readFileSync(MANIFEST_PATH, 'utf8');
    const edited = manifest.replace(JSON.stringify(FRAGMENT_FIRST_LINE.source), JSON.stringify('^\\*\\*FragmentID\\*\\*:'));
    assert.notEqual(edited, manifest);
    assert.notEqual(buildManifest(edited), edited);
    assert.equal(buildManifest(edited), manifest);
  });
});

describe('one line grammar', () => {
  before(async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).catch(() => undefined); // loaded once per process
  });

  it('reads a field line by hand exactly as its expression does', () => {
    fc.assert(
      fc.property(line, (text) => {
        const match = FIELD_HEAD.exec(text);
        const keyEnd = fieldKeyEnd(text, 0, text.length);
        assert.equal(keyEnd, match ? match[0].length - 3 : -1);
        const afterMark = FIELD_HEAD.exec(text.replace(/^\uFEFF/, ''));
        assert.equal(fieldLineKey(text), afterMark ? afterMark[1].trim() : undefined);
      }),
      { numRuns: RUNS },
    );
  });

  it('highlights a key on exactly the lines the parser reads as fields, and exactly that key', () => {
    const written = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')) as { patterns: { name?: string; begin?: string }[] };
    const begin = written.patterns.find((p) => p.name === 'meta.field.fragment')?.begin;
    assert.equal(begin, FIELD_HEAD_TEXTMATE);
    fc.assert(
      fc.property(line, (text) => {
        const keyEnd = fieldKeyEnd(text, 0, text.length);
        const captures = onig(begin, text);
        assert.equal(captures !== undefined, keyEnd >= 0, JSON.stringify(text));
        if (captures) {
          assert.equal(captures[0].length, keyEnd + 3, 'the head ends at the colon');
          assert.equal(captures[2].trim(), text.slice(2, keyEnd).trim(), 'the highlighted key is the parser\'s');
        }
      }),
      { numRuns: RUNS, examples: LONG_KEYS },
    );
  });

  it('highlights the parser\'s fields in a whole document, keys and all', () => {
    const schema = getDefaultSchema();
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const text = lines.join('\n');
        const parsed = parseWithSchema(text, schema);
        const keyed = tokenize(text).map((tokens) => tokens.filter(([, scope]) => scope === 'support.type.property-name.key.fragment').map(([t]) => t).join(''));
        // A BOM is the file's, not its first line's: VS Code hands the grammar the text without it.
        const fieldLines = new Map(parsed.fields.map((field) => [field.line, field.key]));
        keyed.forEach((key, index) => {
          if (index === 0 && text.startsWith('\uFEFF')) return;
          if (fieldLines.has(index)) assert.equal(key.trim(), fieldLines.get(index), `line ${index} of ${JSON.stringify(text)}`);
          else assert.equal(key, '', `line ${index} of ${JSON.stringify(text)} is not a field`);
        });
      }),
      { numRuns: RUNS / 3, examples: LONG_KEYS.map(([text]) => [[text, '**Year**: 2024']]) },
    );
  });

  it('reads layout lines as Markdown does: a heading, or three or more of one of - * _ with spaces between', () => {
    // Markdown's own statement of a separator, with a back-reference (which TextMate cannot take in an `end`).
    const markdown = /^ {0,3}(?:#{1,6}(?:[ \t].*)?|([-*_])(?:[ \t]*\1){2,}[ \t]*)$/;
    const layoutLine = fc.array(fc.constantFrom(' ', '\t', '-', '*', '_', '#', 'x', '  '), { maxLength: 9 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(layoutLine, (text) => assert.equal(LAYOUT.test(text), markdown.test(text), JSON.stringify(text))),
      { numRuns: RUNS * 5 },
    );
  });

  it('ends a value where the parser ends it: at the next field, a heading or a separator', () => {
    const LINES = ['**Outcome description**: text', '**Significance of the outcome**:', 'prose with <LOC>', '# Record 2', '## Notes', '---', '- - -', '***', '___', '', '  ', '#hashtag', '**Year**: 2024', '    # indented'];
    const schema = getDefaultSchema();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 10 }), (lines) => {
        const text = lines.join('\n');
        const parsed = parseWithSchema(text, schema);
        const scopes = lineScopes(text);
        lines.forEach((line, index) => {
          if (line.trim() === '' || parsed.fields.some((f) => f.line === index)) return;
          // Where a field line opened a value in TextMate (a whole-line value such as a year does not), the lines the
          // parser gives that value are in it, and no other line is.
          const owner = parsed.fields.find((f) => f.line < index && index <= f.endLine && scopes[f.line].has('meta.field.fragment'));
          assert.equal(scopes[index].has('meta.value.fragment'), owner !== undefined, `line ${index} of ${JSON.stringify(text)}`);
        });
      }),
      { numRuns: RUNS / 3, examples: [[['**Outcome description**: text', 'more', '# Record 2', 'free text']], [['**Outcome description**: a', '---', 'b']]] },
    );
    assert.ok(lineScopes('# Record 2')[0].has('markup.heading.fragment'));
    assert.ok(lineScopes('- - -')[0].has('meta.separator.fragment'));
  });

  it('firstLine (as VS Code runs it) accepts exactly the first lines detection by content accepts', () => {
    const firstLine = new RegExp(JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')).contributes.languages.find((l: { id: string }) => l.id === 'fragment').firstLine);
    fc.assert(
      fc.property(line, (text) => {
        assert.equal(firstLine.test(text), startsWithFragmentId((index) => (index === 0 ? text : undefined)) && text.trim() !== '', JSON.stringify(text));
        assert.equal(firstLine.test(text), fieldLineKey(text) === 'FragmentID');
      }),
      { numRuns: RUNS },
    );
    assert.ok(firstLine.test('\uFEFF**FragmentID **: SCC-1'));
    assert.ok(firstLine.test('** FragmentID**: SCC-1'), 'the parser trims the key: so does detection');
    assert.ok(!firstLine.test(`**FragmentID${' '.repeat(200)}**: x`), 'a key over 200 characters is no key, to the parser either');
  });

  it('finds the marker tokens its expression finds, in JavaScript and in TextMate', () => {
    const js = new RegExp(MARKER_TOKEN_SOURCE, 'g');
    fc.assert(
      fc.property(line, (text) => {
        const expected = [...text.matchAll(js)].map((m) => [m.index, m.index + m[0].length]);
        assert.deepEqual(markerTokens(text), expected);
        for (const [start, end] of expected) {
          assert.ok(isMarkerToken(text.slice(start, end)));
          for (let cut = 1; cut < end - start; cut++) assert.ok(isMarkerTokenStart(text.slice(start, start + cut)), 'each start of a token is one');
        }
        assert.equal(isMarkerToken(text), expected.length === 1 && expected[0][0] === 0 && expected[0][1] === text.length);
        assert.deepEqual(onigAll(MARKER_TOKEN_SOURCE, text), expected);
      }),
      { numRuns: RUNS },
    );
  });

  it('finds where a field line\'s value starts, for Tab between fields', () => {
    assert.equal(fieldValueStart('**Scale**: Local'), 10);
    assert.equal(fieldValueStart('\uFEFF**Scale **:'), 12);
    assert.equal(fieldValueStart('- **Scale**: Local'), -1);
    assert.equal(fieldValueStart('**Scale**\n: Local'), -1);
  });
});
