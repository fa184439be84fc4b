/**
 * The link from each diagnostic to its rule's page (`codeDescription.href`, and SARIF's `helpUri`). The pages ship
 * with the tool: docs/rules/ lies beside dist/ in the .vsix, in the npm package and in a clone. So the link is a
 * `file://` URL that works offline, on a machine that may not reach the internet, and shows the page of the version
 * that reported the problem. The browser build has no files of its own to link to: its links are the same pages of
 * the same version in the project's repository.
 */
import type { CodeDescription } from 'vscode-languageserver-types';
import type { DiagnosticCode } from './diagnostic-codes';
import { currentLanguage } from './l10n';
import { version } from '../../../package.json';

const PUBLISHED_DOCS = `https://github.com/fragment-tools/fragment-language-support/blob/v${version}/`;

/** `file://` URL of a folder path (`/`-separated, or a Windows path): each segment percent-encoded. */
function folderUrl(path: string): string {
  const segments = path.replace(/\\/g, '/').split('/').filter((segment) => segment !== '');
  return `file:///${segments.map((segment) => (/^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment))).join('/')}/`;
}

/**
 * The URL of the folder that holds docs/. Built, this code runs from a bundle in dist/; from the sources (tests, tsx)
 * it runs from server/src/core. A browser bundle has no __dirname.
 */
const PACKAGE_ROOT_URL =
  typeof __dirname === 'string' ? new URL(__filename.endsWith('.ts') ? '../../../' : '../', folderUrl(__dirname)).href : PUBLISHED_DOCS;

/**
 * The languages the rule pages are translated into: docs/rules/<language>/<code>.md, one page for every English
 * docs/rules/<code>.md (test/unit/rule-docs-l10n.test.ts holds the folders to this list).
 */
export const RULE_DOC_LANGUAGES = ['fr', 'es', 'ar'] as const;

/** The folder of translated pages for a language tag (`fr`, `fr-CA`, `es_419`), or undefined for English and any other. */
function ruleDocFolder(language: string | undefined): string | undefined {
  const primary = language?.toLowerCase().split(/[-_]/)[0];
  return RULE_DOC_LANGUAGES.find((candidate) => candidate === primary);
}

/** The links made so far, by language tag and then by code. */
const links = new Map<string, Map<DiagnosticCode, CodeDescription>>();

/** The `file://` URL of docs/rules/<code>.md, or of docs/rules/<language>/<code>.md when that language has pages. */
export function ruleDocsHref(code: DiagnosticCode, language: string = currentLanguage()): string {
  return ruleDocs(code, language).href;
}

/**
 * One shared, frozen `codeDescription` per code and language: a file may carry a thousand diagnostics. Without a
 * language the pages are not translated into, the English page; by default the language messages are written in.
 * Kept by tag as given, so a report costs two lookups, not a parse of the tag (every diagnostic of a check asks).
 */
export function ruleDocs(code: DiagnosticCode, language: string = currentLanguage()): CodeDescription {
  let byCode = links.get(language);
  if (!byCode) {
    byCode = new Map();
    links.set(language, byCode);
  }
  let link = byCode.get(code);
  if (!link) {
    const folder = ruleDocFolder(language);
    const page = folder ? `docs/rules/${folder}/${code}.md` : `docs/rules/${code}.md`;
    link = Object.freeze({ href: new URL(page, PACKAGE_ROOT_URL).href });
    byCode.set(code, link);
  }
  return link;
}
