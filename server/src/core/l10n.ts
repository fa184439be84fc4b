/**
 * The language of every message of the server and of fragment-lint. Messages are written in English in the source as
 * `l10n.t('…')` (@vscode/l10n); `npm run l10n:extract` collects them into server/l10n/bundle.l10n.json, and the
 * translations sit beside it (bundle.l10n.<language>.json). The bundles are imported, not read from disk, so they are
 * part of the bundle esbuild writes and a browser build needs no file system.
 *
 * @vscode/l10n keeps one bundle per process: the server and the CLI each speak one language at a time (the server
 * switches when fragments.locale changes, and checks its open documents again).
 */
import * as l10n from '@vscode/l10n';
import arabic from '../../l10n/bundle.l10n.ar.json';
import spanish from '../../l10n/bundle.l10n.es.json';
import french from '../../l10n/bundle.l10n.fr.json';

/** The languages of the messages: English is the source, the others are translations of it. */
export const LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/** `fragments.locale`: `auto` follows the editor's display language. */
export const LOCALE_SETTINGS = ['auto', ...LANGUAGES] as const;
export type LocaleSetting = (typeof LOCALE_SETTINGS)[number];

const BUNDLES: Record<Language, Record<string, string>> = { en: {}, fr: french, es: spanish, ar: arabic };

let current: Language = 'en';
let withIsolates = true;

/** The bidi isolates (U+2066 to U+2069) the catalogue and `directed` put around text and data. */
const ISOLATES = /[\u2066-\u2069]/g;

export interface LanguageOptions {
  /**
   * Whether messages carry bidi isolates (default: yes). fragment-lint prints without them: a terminal does not lay
   * them out, and its output shows every bidi control a record holds as an escape (`\u2067`), which ours would be too.
   */
  isolates?: boolean;
}

/** From now on, messages are written in `language`. */
export function useLanguage(language: Language, options: LanguageOptions = {}): void {
  current = language;
  withIsolates = options.isolates ?? true;
  const bundle = BUNDLES[language];
  const contents = withIsolates ? bundle : Object.fromEntries(Object.entries(bundle).map(([key, message]) => [key, message.replace(ISOLATES, '')]));
  l10n.config({ contents });
}

export function currentLanguage(): Language {
  return current;
}

/** Languages written right to left: their messages isolate embedded data (U+2068 … U+2069) in the catalogue. */
export function isRightToLeft(language: Language = current): boolean {
  return language === 'ar';
}

/**
 * The language a tag names, if it is one of ours: `fr`, `fr-CA`, `es_419`, `ar_IQ.UTF-8`, `FR`. Anything else
 * (`C`, `POSIX`, `pt-BR`, empty) is undefined.
 */
export function languageOf(tag: string | undefined): Language | undefined {
  const primary = /^([a-z]{2,3})(?:$|[-_.@])/i.exec(tag?.trim() ?? '')?.[1]?.toLowerCase();
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Language) : undefined;
}

/** The server's language: fragments.locale unless it is `auto`, else the client's display language (initialize). */
export function serverLanguage(setting: LocaleSetting, clientLocale: string | undefined): Language {
  if (setting !== 'auto') return setting;
  return languageOf(clientLocale) ?? 'en';
}

/**
 * fragment-lint's language: --locale, else the environment as POSIX reads it (LC_ALL, then LC_MESSAGES, then LANG;
 * the first one set decides), else English. A language without a translation is English.
 */
export function cliLanguage(option: string | undefined, env: NodeJS.ProcessEnv): Language {
  if (option !== undefined) return languageOf(option) ?? 'en';
  const setting = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  return languageOf(setting) ?? 'en';
}

/**
 * A description from a schema, in the current language: a schema may give one text, or one per language tag
 * (`{ "en": "…", "fr": "…" }`). Falls back to the tag's language (`fr` for `fr-CA`), then English, then the first.
 * The choice is kept per object and language: a rule's message may carry a schema description on every report, and
 * compiled schemas are not changed after they are made.
 */
export function localised(text: string | Readonly<Record<string, string>> | undefined): string {
  if (text === undefined || typeof text === 'string') return text ?? '';
  const known = chosen.get(text);
  if (known?.language === current) return known.text;
  const entries = Object.entries(text).filter(([, value]) => typeof value === 'string');
  const exact = entries.find(([tag]) => tag.toLowerCase() === current);
  const sameLanguage = entries.find(([tag]) => languageOf(tag) === current);
  const english = entries.find(([tag]) => languageOf(tag) === 'en');
  const result = (exact ?? sameLanguage ?? english ?? entries[0])?.[1] ?? '';
  chosen.set(text, { language: current, text: result });
  return result;
}
const chosen = new WeakMap<object, { language: Language; text: string }>();

const RIGHT_TO_LEFT_ISOLATE = '\u2067';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/**
 * A message as a right-to-left language needs it: each line in a right-to-left isolate (U+2067 … U+2069), so that
 * where the editor lays the line out left to right (the Problems panel, hovers, a terminal), its words still run right
 * to left and its full stop stays at the end. A list bullet stays in front, where Markdown looks for it. Data inside the
 * message (keys, values) is isolated again in the catalogue (U+2068 … U+2069 around each placeholder). Unchanged in
 * other languages.
 */
export function directed(text: string): string {
  if (!isRightToLeft() || !withIsolates) return text;
  return text
    .split('\n')
    .map((line) => {
      const [, bullet, rest] = /^(\s*(?:[-*] )?)(.*)$/s.exec(line)!;
      return rest.trim() ? `${bullet}${RIGHT_TO_LEFT_ISOLATE}${rest}${POP_DIRECTIONAL_ISOLATE}` : line;
    })
    .join('\n');
}
