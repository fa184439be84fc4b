/**
 * The link from each diagnostic to its rule's page (`codeDescription.href`, and SARIF's `helpUri`). The pages ship
 * with the tool: docs/rules/ lies beside dist/ in the .vsix, in the npm package and in a clone. So the link is a
 * `file://` URL that works offline, on a machine that may not reach the internet, and shows the page of the version
 * that reported the problem.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeDescription } from 'vscode-languageserver-types';
import type { DiagnosticCode } from './diagnostic-codes';

/**
 * The folder that holds docs/. Built, this code runs from a bundle in dist/; from the sources (tests, tsx) it runs
 * from server/src/core.
 */
const PACKAGE_ROOT = join(__dirname, __filename.endsWith('.ts') ? '../../..' : '..');

const links = new Map<DiagnosticCode, CodeDescription>();

/** The `file://` URL of docs/rules/<code>.md. */
export function ruleDocsHref(code: DiagnosticCode): string {
  return ruleDocs(code).href;
}

/** One shared, frozen `codeDescription` per code: a file may carry a thousand diagnostics. */
export function ruleDocs(code: DiagnosticCode): CodeDescription {
  let link = links.get(code);
  if (!link) {
    link = Object.freeze({ href: pathToFileURL(join(PACKAGE_ROOT, 'docs', 'rules', `${code}.md`)).href });
    links.set(code, link);
  }
  return link;
}
