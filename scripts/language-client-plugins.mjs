// esbuild plugins that make dist/language-client.js smaller without changing what it does (scripts/build.mjs uses
// them; test/unit/language-client-bundle.test.ts checks them against node_modules).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// vscode-languageclient uses little of semver and minimatch, and they are ~47 KB of the bundle: small stand-ins take
// their place (the files say why each is enough). Keyed by the exact module the library requires. Any other module
// of these packages stops the build, so a library update that needs more of them cannot slip past the stand-ins.
export const LANGUAGE_CLIENT_STAND_INS = {
  'semver/functions/parse': { file: 'client/src/shims/semver-for-languageclient.ts', export: 'parse' },
  'semver/functions/satisfies': { file: 'client/src/shims/semver-for-languageclient.ts', export: 'satisfies' },
  minimatch: { file: 'client/src/shims/minimatch-unused.ts' },
};
export const STOOD_IN_PACKAGES = ['semver', 'minimatch', 'brace-expansion', 'balanced-match'];

export const standIns = {
  name: 'language-client-stand-ins',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(${STOOD_IN_PACKAGES.join('|')})(/|$)`) }, (args) => {
      if (Object.hasOwn(LANGUAGE_CLIENT_STAND_INS, args.path)) return { path: args.path, namespace: 'stand-in' };
      const text = `${args.importer} requires ${args.path}, which has no stand-in: add one to LANGUAGE_CLIENT_STAND_INS in scripts/language-client-plugins.mjs, or stop standing in for ${STOOD_IN_PACKAGES.join(', ')}`;
      return { errors: [{ text }] };
    });
    // The library calls the semver modules as functions (module.exports = fn): re-export the one function.
    build.onLoad({ filter: /.*/, namespace: 'stand-in' }, (args) => {
      const { file, export: name } = LANGUAGE_CLIENT_STAND_INS[args.path];
      const module = `require(${JSON.stringify(resolve(root, file))})`;
      return { contents: `module.exports = ${name ? `${module}.${name}` : module};`, resolveDir: root, loader: 'js' };
    });
  },
};

// Every module of vscode-languageclient, -protocol and -jsonrpc starts with its own copy of TypeScript's helpers
// (`var __importStar = (this && this.__importStar) || …`), ~40 KB of the bundle in all. Modules whose helpers are
// the same text share one copy instead: the helpers move, unchanged, to a module of their own that each requires.
const HELPER = /^var (__\w+) = \(this && this\.\1\) \|\| /gm;
const LIBRARY_MODULE = /[\\/]node_modules[\\/]vscode-(languageclient|languageserver-protocol|jsonrpc)[\\/]lib[\\/].*\.js$/;

export const sharedTypeScriptHelpers = {
  name: 'shared-typescript-helpers',
  setup(build) {
    const helperModules = new Map(); // hash of the helpers' code → a module of that code
    build.onLoad({ filter: LIBRARY_MODULE }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      const helpers = findHelpers(text);
      if (!helpers) return undefined; // none, or not in the shape this plugin knows: bundled as it is
      const code = helpers.map(({ start, end }) => text.slice(start, end)).join('\n');
      const name = createHash('sha256').update(code).digest('hex').slice(0, 16);
      helperModules.set(name, `${code}\nmodule.exports = { ${helpers.map((helper) => helper.name).join(', ')} };`);
      // As many lines as before, so that the source map's line numbers are those of the file on disk.
      for (const { name: helper, start, end } of helpers.reverse()) {
        const lineBreaks = '\n'.repeat(text.slice(start, end).split('\n').length - 1);
        text = `${text.slice(0, start)}var ${helper} = require("typescript-helpers:${name}").${helper};${lineBreaks}${text.slice(end)}`;
      }
      return { contents: text, loader: 'js' };
    });
    build.onResolve({ filter: /^typescript-helpers:/ }, (args) => ({ path: args.path.slice('typescript-helpers:'.length), namespace: 'typescript-helpers' }));
    build.onLoad({ filter: /.*/, namespace: 'typescript-helpers' }, (args) => ({ contents: helperModules.get(args.path), loader: 'js' }));
  },
};

/** The helper statements at the top of a module (start and end offsets), or undefined if it has none or one can't be read. */
export function findHelpers(text) {
  const helpers = [];
  for (const match of text.matchAll(HELPER)) {
    const end = statementEnd(text, match.index + match[0].length);
    if (end === undefined) return undefined;
    helpers.push({ name: match[1], start: match.index, end });
  }
  return helpers.length > 0 ? helpers : undefined;
}

/** Where the statement that goes on at `from` ends: after the first `;` outside brackets and string literals. */
function statementEnd(text, from) {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (char === '"' || char === "'") {
      for (i++; i < text.length && text[i] !== char; i++) if (text[i] === '\\') i++;
    } else if ('({['.includes(char)) depth++;
    else if (')}]'.includes(char)) depth--;
    else if (char === ';' && depth === 0) return i + 1;
    if (depth < 0) return undefined;
  }
  return undefined;
}
