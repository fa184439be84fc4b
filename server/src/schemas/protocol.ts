/** The schema requests between the VS Code client and the server: names and shapes only, so the client can import it. */
export const SchemaRequests = {
  /** { uri } -> SchemaInfo */
  info: 'fragments/schemaInfo',
  /** { uri?, folderUri? } -> TemplateChoice[] */
  templates: 'fragments/templates',
  /** {} -> { text }: the starting fragment.schema.json */
  starter: 'fragments/starterSchema',
  /** {} -> { text }: the built-in schema, to show it */
  builtIn: 'fragments/defaultSchema',
  /** { folderUri } -> InferredSchemaText */
  infer: 'fragments/inferSchema',
} as const;

/** Server -> client, after any schema file changed: what the status bar shows may have changed. */
export const SCHEMA_CHANGED_NOTIFICATION = 'fragments/schemaChanged';

export interface SchemaInfo {
  kind: 'default' | 'file';
  /** The schema file, when one applies. */
  uri?: string;
  /** Short name for the status bar. */
  label: string;
  errors: number;
  warnings: number;
  /** Set when the schema file has errors: what is used instead. */
  fallback?: 'last-good' | 'default';
  /** The first error, in a line. */
  firstError?: string;
}

export interface TemplateChoice {
  name: string;
  description?: string;
  /** The record as plain text, every value the template does not give left empty. */
  text: string;
  /** The same record as a snippet: one tab stop per field, in order, the empty ones empty (never a choice list). */
  snippet: string;
}

export interface InferredSchemaText {
  /** The proposed fragment.schema.json, JSON with comments; the suspects are listed in it too. */
  text: string;
  /** How many fragment files were read. */
  files: number;
  /** Records read (with at least one field). */
  records: number;
  /** What the records hold that the built-in schema rejects, so it was not learned (see core/schema/infer.ts). */
  suspects: { text: string; field?: string; reason: string; count: number; places: { path: string; line: number }[] }[];
}

/**
 * Client -> server: the text of an open schema file as the user types it (`text: null` once it is closed), so edits
 * apply before they are saved. The VS Code client sends this instead of syncing schema files as LSP documents, which
 * would make the fragment features (formatting, folding, …) compete with VS Code's JSON support in those files.
 * Other editors may sync schema files as ordinary documents instead; the server follows both.
 */
export const SCHEMA_TEXT_NOTIFICATION = 'fragments/schemaText';

export interface SchemaTextParams {
  uri: string;
  text: string | null;
}
