/**
 * Stands in for the semver package in dist/language-client.js (wired by scripts/language-client-plugins.mjs).
 * vscode-languageclient uses semver for one check only, LanguageClient.checkVersion(): `parse(vscode.version)`, then
 * `satisfies(version, REQUIRED_VSCODE_VERSION)` with a caret range such as '^1.91.0'. The real package is ~20 KB of
 * the bundle; this file does the same for those inputs in under 1 KB.
 *
 * Exact for what it accepts (test/unit/semver-stand-in.test.ts compares it with the real package): `parse` reads a
 * version as semver's strict parse does (semver.org 2.0.0, an optional leading "v", surrounding white space);
 * `satisfies` takes a caret range of a whole version ("^1.91.0"). Any other range throws, so that a
 * vscode-languageclient that changes its range form fails loudly here instead of checking the wrong thing.
 */

export interface Version {
  major: number;
  minor: number;
  patch: number;
  /** Numeric identifiers as numbers, as semver gives them (checkVersion empties this for VS Code Insiders). */
  prerelease: (string | number)[];
  build: string[];
  version: string;
}

const NUMBER = '0|[1-9]\\d*';
const PRERELEASE_ID = `\\d*[a-zA-Z-][a-zA-Z0-9-]*|${NUMBER}`;
const BUILD_ID = '[a-zA-Z0-9-]+';
const VERSION = new RegExp(
  `^v?(${NUMBER})\\.(${NUMBER})\\.(${NUMBER})` +
    `(?:-((?:${PRERELEASE_ID})(?:\\.(?:${PRERELEASE_ID}))*))?` +
    `(?:\\+(${BUILD_ID}(?:\\.${BUILD_ID})*))?$`,
);
const CARET_RANGE = new RegExp(`^\\^(${NUMBER})\\.(${NUMBER})\\.(${NUMBER})$`);
/** semver's limit on a version's length. */
const MAX_LENGTH = 256;

/** The version, or null when it is not one (as semver's parse). */
export function parse(text: unknown): Version | null {
  if (typeof text !== 'string' || text.length > MAX_LENGTH) return null;
  const match = VERSION.exec(text.trim());
  if (!match) return null;
  const [major, minor, patch] = [match[1], match[2], match[3]].map(Number);
  if (![major, minor, patch].every(Number.isSafeInteger)) return null;
  const prerelease = match[4] ? match[4].split('.').map(numberIfNumeric) : [];
  const build = match[5] ? match[5].split('.') : [];
  return { major, minor, patch, prerelease, build, version: `${major}.${minor}.${patch}${prerelease.length ? `-${prerelease.join('.')}` : ''}` };
}

/** Whether `version` lies in the caret range `range` (as semver's satisfies, without options). */
export function satisfies(version: Version | string, range: string): boolean {
  const bounds = CARET_RANGE.exec(range);
  if (!bounds) {
    throw new Error(
      `The semver stand-in in the language client bundle (client/src/shims/semver-for-languageclient.ts) handles caret ` +
        `ranges such as "^1.91.0" only, not "${range}": extend it, or drop the stand-in from scripts/language-client-plugins.mjs.`,
    );
  }
  const parsed = typeof version === 'string' ? parse(version) : version;
  // A prerelease is in a range only beside a bound with a prerelease of the same version, and a caret range of a
  // whole version has none such that lets one in: semver's `<2.0.0-0` upper bound excludes every 2.0.0-x too.
  if (!parsed || parsed.prerelease.length > 0) return false;
  const [major, minor, patch] = [bounds[1], bounds[2], bounds[3]].map(Number);
  const from = [major, minor, patch];
  // ^1.2.3 := >=1.2.3 <2.0.0; ^0.2.3 := >=0.2.3 <0.3.0; ^0.0.3 := >=0.0.3 <0.0.4 (the left-most non-zero part is fixed).
  const below = major > 0 ? [major + 1, 0, 0] : minor > 0 ? [0, minor + 1, 0] : [0, 0, patch + 1];
  // A bound past the largest safe integer makes semver's range invalid, and an invalid range satisfies nothing.
  if (![...from, ...below].every(Number.isSafeInteger)) return false;
  const at = [parsed.major, parsed.minor, parsed.patch];
  return compare(at, from) >= 0 && compare(at, below) < 0;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

/** semver keeps a numeric prerelease identifier as a number when it is a safe integer. */
function numberIfNumeric(id: string): string | number {
  if (!/^[0-9]+$/.test(id)) return id;
  const value = Number(id);
  return value < Number.MAX_SAFE_INTEGER ? value : id;
}
