// The semver stand-in bundled into the language client (client/src/shims/semver-for-languageclient.ts) against the
// real semver package (in node_modules as vscode-languageclient's dependency): same answers on random versions and
// caret ranges, and a loud error for a range form it does not handle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse, satisfies, type Version } from '../../client/src/shims/semver-for-languageclient';

// The real package has no types installed; these are the signatures vscode-languageclient uses.
const realParse: (version: string) => Version | null = require('semver/functions/parse');
const realSatisfies: (version: string | Version, range: string) => boolean = require('semver/functions/satisfies');

/** Version parts, up to and past the largest safe integer (9007199254740991), where semver stops accepting them. */
const number = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 200 }), fc.constantFrom(Number.MAX_SAFE_INTEGER, 2 ** 53));
const digits = fc.oneof(number.map(String), fc.constant('99999999999999999999'));
const numberText = fc.oneof(digits, fc.constant('1e3'));
const identifier = fc.oneof(
  fc.constantFrom('insider', 'alpha', 'beta', 'rc', '0', '1', '01', 'x-y', '-', '2a', 'a-1', ''),
  fc.nat({ max: 30 }).map(String),
  fc.stringMatching(/^[0-9A-Za-z-]{1,6}$/),
);
const dotted = fc.array(identifier, { minLength: 1, maxLength: 3 }).map((ids) => ids.join('.'));
/** Versions as VS Code reports them, with the edge cases of semver's grammar mixed in, and some broken ones. */
const versionText = fc.oneof(
  fc
    .record({
      prefix: fc.constantFrom('', '', '', 'v', '=', ' ', 'V'),
      parts: fc.array(numberText, { minLength: 1, maxLength: 4 }),
      leadingZero: fc.boolean(),
      prerelease: fc.option(dotted, { nil: undefined }),
      build: fc.option(dotted, { nil: undefined }),
      suffix: fc.constantFrom('', '', '', ' ', '\n', 'x'),
    })
    .map(({ prefix, parts, leadingZero, prerelease, build, suffix }) => {
      const main = parts.map((part, i) => (leadingZero && i === parts.length - 1 ? `0${part}` : part)).join('.');
      return `${prefix}${main}${prerelease === undefined ? '' : `-${prerelease}`}${build === undefined ? '' : `+${build}`}${suffix}`;
    }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('1.100.3', '1.101.0-insider', '1.91.0', '1.90.2', `1.2.3-${'a'.repeat(260)}`),
);
const caretRange = fc.tuple(digits, digits, digits).map(([major, minor, patch]) => `^${major}.${minor}.${patch}`);

/** What a parsed version says, without semver's class around it. */
function fields(version: Version | null) {
  return version && { major: version.major, minor: version.minor, patch: version.patch, prerelease: [...version.prerelease], build: [...version.build], version: version.version };
}

test('parse reads a version exactly as semver does, and rejects what semver rejects', () => {
  fc.assert(
    fc.property(versionText, (text) => {
      assert.deepEqual(fields(parse(text)), fields(realParse(text)), text);
    }),
    { numRuns: 5000 },
  );
});

test('satisfies agrees with semver on caret ranges, for version strings and for parsed versions', () => {
  fc.assert(
    fc.property(versionText, caretRange, (text, range) => {
      assert.equal(satisfies(text, range), realSatisfies(text, range), `${text} in ${range}`);
      const [standIn, real] = [parse(text), realParse(text)];
      if (standIn && real) assert.equal(satisfies(standIn, range), realSatisfies(real, range), `parsed ${text} in ${range}`);
    }),
    { numRuns: 5000 },
  );
});

test('satisfies agrees with semver on versions near the range bounds, with the prerelease dropped as checkVersion does', () => {
  const nearBound = fc.tuple(number, number, number, fc.integer({ min: -1, max: 1 }), fc.integer({ min: 0, max: 2 }), fc.option(dotted, { nil: undefined }));
  fc.assert(
    fc.property(caretRange, nearBound, (range, [major, minor, patch, shift, at, prerelease]) => {
      const bound = range.slice(1).split('.').map(Number);
      const parts = [major, minor, patch].map((part, i) => (i === at ? Math.max(0, bound[i] + shift) : i < at ? bound[i] : part));
      const text = `${parts.join('.')}${prerelease === undefined ? '' : `-${prerelease}`}`;
      const [standIn, real] = [parse(text), realParse(text)];
      if (!standIn || !real) return assert.equal(standIn, real);
      assert.equal(satisfies(standIn, range), realSatisfies(real, range), `${text} in ${range}`);
      standIn.prerelease = [];
      real.prerelease = [];
      assert.equal(satisfies(standIn, range), realSatisfies(real, range), `${text} without its prerelease in ${range}`);
    }),
    { numRuns: 5000 },
  );
});

test('a range form the stand-in does not handle throws, naming the file to change, instead of answering wrongly', () => {
  for (const range of ['>=1.91.0', '~1.91.0', '^1.91', '1.91.0', '^1.91.0 || ^2.0.0', '^1.91.0-beta', ' ^1.91.0', '^01.91.0', '*', '1.x', '']) {
    assert.throws(() => satisfies('1.100.0', range), /semver stand-in .*client\/src\/shims\/semver-for-languageclient\.ts.* caret ranges/, range);
  }
});
