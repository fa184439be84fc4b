/** What every LSP handler gets: the connection, the open documents and the shared state, nothing more. */
import type { ClientCapabilities, Connection, FileEvent, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FragmentDiagnostic, Schema } from './core';

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
}

export const DEFAULT_SETTINGS: Settings = { validate: true, validationDelay: 150, schema: '', detectByContent: true, outlineMaxItems: 5000 };

export interface ServerServices {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings(): Settings;
  /** What the client said it supports (snippets, Markdown, snippet edits), from initialize. */
  clientCapabilities(): ClientCapabilities;
  /**
   * Values used for a field (by its schema key) in the workspace's fragment files other than `exceptUri`, with how
   * many files use each (from the workspace index, which includes open documents).
   */
  workspaceValues(key: string, exceptUri: string): ReadonlyMap<string, number>;
  /** Diagnostics a document gets from the rest of the workspace (a FragmentID another record uses too). */
  extraDiagnostics?(uri: string): FragmentDiagnostic[];
  /** Registers something to run when the extra diagnostics of some documents changed, with their URIs. */
  onExtraDiagnosticsChanged?(listener: (uris: ReadonlySet<string>) => void): void;
  /** Settles once the client's settings have been read (or could not be). */
  ready: Promise<void>;
  /** The schema that applies to a document. */
  schemaFor(uri: string): Schema;
  /** Checks every open document again (after a settings or schema change). */
  revalidateAll(): void;
  /** Registers something to run when settings change. */
  onSettingsChanged(listener: () => void): void;
  /** Registers something to run on workspace/didChangeWatchedFiles (the connection itself takes one handler only). */
  onWatchedFilesChanged(listener: (changes: FileEvent[]) => void): void;
}

/** A handler module: registers its LSP requests and notifications on the connection. */
export type Handler = (services: ServerServices) => void;
