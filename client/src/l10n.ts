/**
 * The language of the extension's own messages. Every call site translates with `l10n.t` from `@vscode/l10n` (the
 * form `npm run l10n:export`, @vscode/l10n-dev, extracts into l10n/bundle.l10n.json); this module decides which
 * catalogue it reads.
 *
 * `vscode.l10n` follows VS Code's display language only, but an officer whose VS Code is in English may want the
 * checker in French, Spanish or Arabic (`fragments.locale`, which the language server reads as well). So:
 * - `auto`: the catalogue VS Code loaded for its display language (`vscode.l10n.bundle`), English when there is none;
 * - `en`: no catalogue, the English source;
 * - `fr`, `es`, `ar`: that language's catalogue from the extension's l10n folder. Read from disk when chosen, not
 *   bundled: dist/client.js is parsed at every activation (any plain-text file), and most people never need it.
 *
 * The extension's two bundles (dist/client.js and dist/language-client.js) each hold their own copy of @vscode/l10n,
 * so each calls followLocaleSetting.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { TRANSLATED_LANGUAGES } from './languages';

/** `fragments.locale` as set, or `auto`. */
export function localeSetting(): string {
  return vscode.workspace.getConfiguration('fragments').get<string>('locale', 'auto') || 'auto';
}

function isTranslated(language: string): boolean {
  return (TRANSLATED_LANGUAGES as readonly string[]).includes(language);
}

/** The language the extension's messages are shown in: a language tag such as `fr` or `en`. */
export function messageLanguage(): string {
  const setting = localeSetting();
  if (setting === 'en' || isTranslated(setting)) return setting;
  return vscode.l10n.bundle ? vscode.env.language.toLowerCase() : 'en';
}

/** Points @vscode/l10n at the catalogue that `fragments.locale` and the display language call for. */
export function applyLocaleSetting(context: vscode.ExtensionContext): void {
  const setting = localeSetting();
  if (setting === 'en') return l10n.config({ contents: {} });
  if (isTranslated(setting)) {
    try {
      return l10n.config({ fsPath: context.asAbsolutePath(`l10n/bundle.l10n.${setting}.json`) });
    } catch {
      // The browser build has no file system of its own (@vscode/l10n refuses fsPath there): the catalogue is read
      // through the editor, and what is shown is drawn again once it is in. A damaged installation ends the same
      // way as an unreadable catalogue: the display language's catalogue (or English), never no messages at all.
      void readCatalogue(context, setting);
    }
  }
  l10n.config({ contents: vscode.l10n.bundle ?? {} });
}

async function readCatalogue(context: vscode.ExtensionContext, language: string): Promise<void> {
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'l10n', `bundle.l10n.${language}.json`));
    if (localeSetting() !== language) return; // changed meanwhile
    l10n.config({ contents: JSON.parse(new TextDecoder().decode(bytes)) as Record<string, string> });
    localeChanged.fire();
  } catch {
    // Unreadable: the display language's catalogue stays.
  }
}

const localeChanged = new vscode.EventEmitter<void>();
/** Fires after `fragments.locale` changed and the new catalogue applies: shown text is drawn again then. */
export const onDidChangeLocale = localeChanged.event;
let following = false;

/** Applies `fragments.locale` now and whenever it changes. */
export function followLocaleSetting(context: vscode.ExtensionContext): void {
  applyLocaleSetting(context);
  if (following) return;
  following = true;
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('fragments.locale')) return;
      applyLocaleSetting(context);
      localeChanged.fire();
    }),
  );
}
