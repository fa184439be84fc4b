/**
 * The link from each diagnostic to its rule's page (`codeDescription.href`, and SARIF's `helpUri`). The pages ship
 * with the tool: docs/rules/ lies beside dist/ in the .vsix, in the npm package and in a clone. So the link is a
 * `file://` URL that works offline, on a machine that may not reach the internet, and shows the page of the version
 * that reported the problem. The browser build has no files of its own to link to: its links are the same pages of
 * the same version in the project's repository.
 */
import type { CodeDescription } from 'vscode-languageserver-types';
import type { DiagnosticCode } from './diagnostic-codes';
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

const links = new Map<DiagnosticCode, CodeDescription>();

/** The `file://` URL of docs/rules/<code>.md. */
export function ruleDocsHref(code: DiagnosticCode): string {
  return ruleDocs(code).href;
}

/** One shared, frozen `codeDescription` per code: a file may carry a thousand diagnostics. */
export function ruleDocs(code: DiagnosticCode): CodeDescription {
  let link = links.get(code);
  if (!link) {
    link = Object.freeze({ href: new URL(`docs/rules/${code}.md`, PACKAGE_ROOT_URL).href });
    links.set(code, link);
  }
  return link;
}
