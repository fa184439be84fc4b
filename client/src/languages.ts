/**
 * The languages the extension ships a catalogue for, besides English (the source): `fragments.locale`'s choices
 * after `auto` and `en`. Adding one: l10n/bundle.l10n.<language>.json, package.nls.<language>.json, this list and
 * the setting's enum (test/unit/client-l10n.test.ts checks that all four agree).
 */
export const TRANSLATED_LANGUAGES = ['fr', 'es', 'ar'] as const;

/** Languages written from right to left. */
const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur']);

/** `rtl` for a language written from right to left, else `ltr`. */
export function textDirection(language: string): 'rtl' | 'ltr' {
  return RIGHT_TO_LEFT.has(language.toLowerCase().split('-')[0]) ? 'rtl' : 'ltr';
}
