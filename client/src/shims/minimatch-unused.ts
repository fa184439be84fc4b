/**
 * Stands in for minimatch in dist/language-client.js (wired by scripts/language-client-plugins.mjs): ~27 KB with
 * brace-expansion and balanced-match, which vscode-languageclient needs only for glob filters a server asks for, in
 * - file-operation registrations (`workspace.fileOperations` in the initialize result, or registered later);
 * - pull diagnostics and notebook sync (`diagnosticProvider`, `notebookDocumentSync`) with glob document filters.
 * The Fragments server does none of these (test/protocol/no-glob-registrations.test.ts proves it), so the
 * language client never builds a Minimatch. If the server starts to, this fails loudly instead of matching wrongly.
 */

export class Minimatch {
  constructor(pattern: string) {
    throw new Error(
      `The language client was bundled without minimatch, so it cannot match the glob "${pattern}" the Fragments ` +
        'server asked for (file operations, pull diagnostics or notebook filters). Remove the minimatch stand-in ' +
        '(client/src/shims/minimatch-unused.ts) from LANGUAGE_CLIENT_STAND_INS in scripts/language-client-plugins.mjs.',
    );
  }
}
