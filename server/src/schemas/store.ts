/**
 * The language server's team schemas: which schema applies to each open document (cached), with the text of open
 * schema files taking precedence over the disk, so an edit applies before it is saved. Part of the server state
 * (state/index.ts): a schema change fires the state's `schemaChanged` after every open document has its new schema.
 */
import type { Schema } from '../core';
import { normalizePath, SCHEMA_FILE_NAME } from '../core/schema/discover';
import { uriToPath } from '../files/uri';
import type { Host } from '../host/host';
import { Emitter } from '../state/events';
import { readSchemaText, SchemaFiles, schemaFileExists, type AppliedSchema, type SchemaOptions } from './files';

export interface SchemaStoreContext {
  host: Host;
  /** The `fragments.schema` setting that applies to a path (its workspace folder's; no path: the first folder's). */
  schemaSetting(path?: string): string;
  /** The workspace folders, as paths. */
  folders(): readonly string[];
  /** The text of a file open in the editor (any open document), which wins over the disk. */
  openText(path: string): string | undefined;
  /** The open fragments, which get their schema again after a change. */
  openFragmentUris(): string[];
}

/** What changed: one schema file, or (undefined) any of them. */
export interface SchemaChange {
  path?: string;
}

export class SchemaStore {
  /** After a schema file changed, appeared or went away, once every open fragment has its schema again. */
  readonly changed = new Emitter<SchemaChange>();
  /** A schema file was read (again): its problems may have changed. */
  readonly loaded = new Emitter<void>();
  /** A look-up found that a schema file in use has gone (deleted without a watched-file event). */
  readonly gone = new Emitter<string>();
  /** Schema texts being edited in a client that sends them by notification (path -> text). */
  private readonly edited = new Map<string, string>();
  private readonly applied = new Map<string, { setting: string; result: AppliedSchema }>();
  readonly files: SchemaFiles;

  constructor(private readonly context: SchemaStoreContext) {
    const disk = context.host.filesSync;
    this.files = new SchemaFiles(
      (path) => {
        const open = this.openText(path);
        return open !== undefined ? { ok: true, text: open } : readSchemaText(disk, path);
      },
      (path) => this.exists(path),
      () => this.loaded.fire(),
    );
  }

  schemaFor(uri: string): Schema {
    return this.appliedTo(uri).schema;
  }

  /** The schema of an open (or any) document: a document with no folder gets the first workspace folder's. */
  appliedTo(uri: string): AppliedSchema {
    const path = uriToPath(uri);
    const setting = this.context.schemaSetting(path);
    const cached = this.applied.get(uri);
    if (cached && cached.setting === setting) {
      // A schema file deleted or renamed without a watched-file event (some clients do not watch files) stops
      // applying at the next look-up: one stat, cheap next to a check.
      const { source, fallback } = cached.result;
      if (source.kind === 'default' || fallback === 'default' || this.exists(source.path)) return cached.result;
      this.forgetFile(source.path);
      const gone = source.path;
      this.context.host.clock.soon(() => this.gone.fire(gone)); // the other documents follow
    }
    const options = this.options(setting);
    const result = path !== undefined ? this.files.forFile(path, options) : this.files.forDocumentWithoutFolder(options);
    this.applied.set(uri, { setting, result });
    return result;
  }

  /** The schema of a folder (a new fragment about to be created there); no folder: as for a document without one. */
  appliedToFolder(folderUri: string | undefined): AppliedSchema {
    const folder = folderUri ? uriToPath(folderUri) : undefined;
    return folder !== undefined ? this.files.forFolder(folder, this.options(this.context.schemaSetting(folder))) : this.files.forDocumentWithoutFolder(this.options(this.context.schemaSetting()));
  }

  /** The schema of the workspace as a whole (its first folder's): what records are compared across files with. */
  workspaceSchema(): Schema {
    return this.files.forDocumentWithoutFolder(this.options(this.context.schemaSetting())).schema;
  }

  /**
   * A schema file changed, appeared or went away (undefined: any may have): reads again what it needs, gives every
   * open fragment its schema again, and fires `changed`.
   */
  reload(path?: string): void {
    try {
      this.files.invalidate(path);
      this.applied.clear();
      // Looking up every open fragment's schema loads the schema files they use, so their problems get published.
      for (const uri of this.context.openFragmentUris()) this.appliedTo(uri);
      // A schema file no fragment uses yet still gets its problems shown while it is written.
      if (path !== undefined && this.exists(path)) this.files.load(path);
    } finally {
      this.changed.fire({ path });
    }
  }

  /**
   * A schema file was deleted or renamed: it stops applying at once. The text an editor still holds for it (VS Code
   * keeps a deleted file's editor open, and sends its text again after a restart) does not bring it back; nor does
   * its last good version, should a broken file appear at the same path later.
   */
  forgetFile(path: string): void {
    const key = normalizePath(path);
    this.edited.delete(key);
    this.files.forget(key);
    this.applied.clear();
  }

  /** A document closed: its schema is looked up afresh if it opens again. */
  forgetDocument(uri: string): void {
    this.applied.delete(uri);
  }

  /** Whether a path is a schema file: named fragment.schema.json, or the one the setting names, or one in use. */
  isSchemaPath(path: string): boolean {
    return path.endsWith(`/${SCHEMA_FILE_NAME}`) || this.files.paths().includes(normalizePath(path));
  }

  /**
   * Whether a schema file is there: on disk. An open editor supplies its text (edits apply before they are saved),
   * but not its existence: a deleted file's editor may stay open.
   */
  exists(path: string): boolean {
    return schemaFileExists(this.context.host.filesSync, path);
  }

  /** The text of a schema being edited (null: closed, the disk applies again). */
  setEditedText(path: string, text: string | null): void {
    if (text === null) this.edited.delete(path);
    else this.edited.set(path, text);
  }

  private openText(path: string): string | undefined {
    return this.edited.get(path) ?? this.context.openText(path);
  }

  private options(setting: string): SchemaOptions {
    return { workspaceRoots: this.context.folders(), explicitPath: setting };
  }
}
