/**
 * The language of the extension's own messages. Every call site translates with `l10n.t` from `@vscode/l10n` (the
 * form `@vscode/l10n-dev export` extracts into l10n/bundle.l10n.json); this module decides which catalogue it reads.
 *
 * `vscode.l10n` follows VS Code's display language only, but an officer whose VS Code is in English may want the
 * checker in French, Spanish or Arabic (`fragments.locale`, which the language server reads as well). So:
 * - `auto`: the catalogue VS Code loaded for its display language (`vscode.l10n.bundle`), English when there is none;
 * - `en`: no catalogue, the English source;
 * - `fr`, `es`, `ar`: the catalogue shipped in l10n/, imported here so it is in the bundle whatever VS Code loaded.
 *
 * The extension's two bundles (dist/client.js and dist/language-client.js) each hold their own copy of @vscode/l10n,
 * so each calls followLocaleSetting.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import arabic from '../../l10n/bundle.l10n.ar.json';
import spanish from '../../l10n/bundle.l10n.es.json';
import french from '../../l10n/bundle.l10n.fr.json';

/** The languages the extension ships, besides English (the source). */
export const TRANSLATED: Readonly<Record<string, Record<string, string>>> = { fr: french, es: spanish, ar: arabic };
/** Languages written from right to left. */
const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur']);

/** `fragments.locale` as set, or `auto`. */
export function localeSetting(): string {
  return vscode.workspace.getConfiguration('fragments').get<string>('locale', 'auto') || 'auto';
}

/** The language the extension's messages are shown in: a language tag such as `fr` or `en`. */
export function messageLanguage(): string {
  const setting = localeSetting();
  if (setting !== 'auto' && (setting === 'en' || setting in TRANSLATED)) return setting;
  const display = vscode.env.language.toLowerCase();
  return vscode.l10n.bundle ? display : 'en';
}

/** `rtl` for a language written from right to left, else `ltr`: for the records table's page. */
export function textDirection(language = messageLanguage()): 'rtl' | 'ltr' {
  return RIGHT_TO_LEFT.has(language.split('-')[0]) ? 'rtl' : 'ltr';
}

/** Points @vscode/l10n at the catalogue `fragments.locale` and the display language call for. */
export function applyLocaleSetting(): void {
  const setting = localeSetting();
  const chosen = setting === 'en' ? {} : TRANSLATED[setting] ?? vscode.l10n.bundle ?? {};
  l10n.config({ contents: chosen });
}

const localeChanged = new vscode.EventEmitter<void>();
/** Fires after `fragments.locale` changed and the new catalogue applies: shown text is drawn again then. */
export const onDidChangeLocale = localeChanged.event;
let following = false;

/** Applies `fragments.locale` now and whenever it changes. */
export function followLocaleSetting(context: vscode.ExtensionContext): void {
  applyLocaleSetting();
  if (following) return;
  following = true;
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('fragments.locale')) return;
      applyLocaleSetting();
      localeChanged.fire();
    }),
  );
}
