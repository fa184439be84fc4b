/** The `fragments.*` settings the server follows, read defensively from whatever the client sends. */
import { LOCALE_SETTINGS, type LocaleSetting } from '../core/l10n';

export interface Settings {
  validate: boolean;
  /** Milliseconds between the last change and the check. */
  validationDelay: number;
  /** `fragments.schema`: a schema file named explicitly; empty: the nearest fragment.schema.json, else the default. */
  schema: string;
  /** `fragments.detectByContent`: `.txt`/`.md` files whose first non-empty line is a FragmentID field are fragments. */
  detectByContent: boolean;
  /** `fragments.outline.maxItemsComputed`: the most records the outline lists, and folding ranges computed. */
  outlineMaxItems: number;
  /** `fragments.locale`: the language of the messages; `auto` follows the editor's display language. */
  locale: LocaleSetting;
}

export const DEFAULT_SETTINGS: Settings = { validate: true, validationDelay: 150, schema: '', detectByContent: true, outlineMaxItems: 5000, locale: 'auto' };

/** The settings in what the client sent; anything missing or of the wrong kind keeps its default. */
export function readSettings(raw: unknown): Settings {
  const value = (raw ?? {}) as Partial<Settings> & { outline?: { maxItemsComputed?: unknown }; locale?: unknown };
  const delay = Number(value.validationDelay);
  const outline = Number(value.outline?.maxItemsComputed);
  return {
    validate: typeof value.validate === 'boolean' ? value.validate : DEFAULT_SETTINGS.validate,
    validationDelay: Number.isFinite(delay) && delay >= 0 ? Math.min(delay, 5000) : DEFAULT_SETTINGS.validationDelay,
    schema: typeof value.schema === 'string' ? value.schema : DEFAULT_SETTINGS.schema,
    detectByContent: typeof value.detectByContent === 'boolean' ? value.detectByContent : DEFAULT_SETTINGS.detectByContent,
    outlineMaxItems: Number.isFinite(outline) && outline >= 0 ? Math.floor(outline) : DEFAULT_SETTINGS.outlineMaxItems,
    locale: (LOCALE_SETTINGS as readonly unknown[]).includes(value.locale) ? (value.locale as LocaleSetting) : DEFAULT_SETTINGS.locale,
  };
}
