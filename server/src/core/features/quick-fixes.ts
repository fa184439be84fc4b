/**
 * Quick fixes, built from each diagnostic's `data` (FixData): one builder per kind of fix. The edits are computed
 * against the current text, so a fix never relies on line numbers from an older version of the document.
 */
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { FixData } from '../diagnostic';
import { quote } from '../diagnostic';
import type { ParsedDocument } from '../parser';
import type { FieldSpec, Schema } from '../schema/model';
import { convertStoryAction } from './convert-story';
import {
  emptyFieldLine,
  escapeSnippet,
  fieldAtLine,
  fromLineStart,
  insertLineAfter,
  lineEnding,
  recordAtLine,
  removeLines,
  schemaPositionLine,
} from './shared';

export interface QuickFixContext {
  document: ParsedDocument;
  schema: Schema;
  uri: string;
  /** The client accepts snippet edits in a workspace edit (LSP 3.18 `SnippetTextEdit`). */
  snippetEdits?: boolean;
}

type Builder<K extends FixData['fix']> = (context: QuickFixContext, diagnostic: Diagnostic, data: Extract<FixData, { fix: K }>) => CodeAction[];

const QUICKFIX = 'quickfix';

export function edit(uri: string, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: edits } };
}

function action(title: string, diagnostic: Diagnostic, workspaceEdit: WorkspaceEdit, isPreferred = false): CodeAction {
  return { title, kind: QUICKFIX, diagnostics: [diagnostic], edit: workspaceEdit, ...(isPreferred ? { isPreferred } : {}) };
}

function replaceTitle(code: string, suggestion: string): string {
  switch (code) {
    case 'value-case':
      return `Write ${quote(suggestion, 80)}`;
    case 'unknown-marker':
      return `Replace with the marker ${suggestion}`;
    case 'pii':
      return `Redact as ${suggestion}`;
    case 'repeated-choice':
      return 'Remove the repeated choice';
    default:
      return `Replace with ${quote(suggestion, 80)}`;
  }
}

const replace: Builder<'replace'> = (context, diagnostic, data) =>
  data.suggestions.map((suggestion, index) =>
    action(replaceTitle(String(diagnostic.code), suggestion), diagnostic, edit(context.uri, [{ range: diagnostic.range, newText: suggestion }]), index === 0),
  );

const renameKey: Builder<'rename-key'> = (context, diagnostic, data) =>
  data.suggestions.map((suggestion, index) =>
    action(`Rename the field to ${quote(suggestion, 80)}`, diagnostic, edit(context.uri, [{ range: diagnostic.range, newText: suggestion }]), index === 0),
  );

const rewriteLine: Builder<'rewrite-line'> = (context, diagnostic, data) => [
  action(`Rewrite as a field: ${quote(data.replacement, 50)}`, diagnostic, edit(context.uri, [{ range: fromLineStart(context.document, diagnostic.range), newText: data.replacement }]), true),
];

/** Inserts the given fields into the record at `line`, each at its schema position. */
function insertFields(context: QuickFixContext, recordLine: number, specs: FieldSpec[]): WorkspaceEdit | undefined {
  const { document, schema, uri } = context;
  const record = recordAtLine(document, recordLine);
  if (!record || specs.length === 0) return undefined;
  // Fields that land on the same line are joined into one edit, in schema order.
  const byLine = new Map<number, FieldSpec[]>();
  for (const spec of [...specs].sort((a, b) => a.order - b.order)) {
    const after = schemaPositionLine(record, spec, schema);
    byLine.set(after, [...(byLine.get(after) ?? []), spec]);
  }
  const eol = lineEnding(document.text);
  if (context.snippetEdits) {
    let stop = 0;
    const edits = [...byLine].map(([after, group]) => {
      // An empty tab stop per value, never a choice list: a choice starts on its first value and would write it
      // for the person. The value list comes from completion at the stop.
      const text = group.map((spec) => `**${escapeSnippet(spec.key)}**: \${${++stop}}`).join(eol);
      const plain = insertLineAfter(document, after, '\u0000');
      const [headText, tailText] = plain.newText.split('\u0000').map((t) => escapeSnippet(t));
      return { range: plain.range, snippet: { kind: 'snippet', value: headText + text + tailText } };
    });
    return { documentChanges: [{ textDocument: { uri, version: null }, edits }] } as WorkspaceEdit;
  }
  return edit(uri, [...byLine].map(([after, group]) => insertLineAfter(document, after, group.map((s) => emptyFieldLine(s.key)).join(eol))));
}

const insertField: Builder<'insert-field'> = (context, diagnostic, data) => {
  const spec = context.schema.byName.get(data.key);
  const workspaceEdit = spec && insertFields(context, diagnostic.range.start.line, [spec]);
  return workspaceEdit ? [action(`Add the missing field ${quote(data.key, 80)}`, diagnostic, workspaceEdit, true)] : [];
};

const removeDuplicate: Builder<'remove-duplicate'> = (context, diagnostic, data) => {
  const { document } = context;
  const repeat = fieldAtLine(document, diagnostic.range.start.line);
  const first = fieldAtLine(document, data.firstLine);
  if (!repeat || repeat.line !== diagnostic.range.start.line) return [];
  const removeRepeat = edit(context.uri, [removeLines(document, repeat.line, repeat.endLine)]);
  if (data.sameValue) return [action(`Remove the repeated "${repeat.key}" line`, diagnostic, removeRepeat, true)];
  if (!first || first === repeat || first.record !== repeat.record) return [];
  return [
    action(`Keep the "${first.key}" on line ${first.line + 1} and remove this one`, diagnostic, removeRepeat),
    action(`Keep this "${repeat.key}" and remove the one on line ${first.line + 1}`, diagnostic, edit(context.uri, [removeLines(document, first.line, first.endLine)])),
  ];
};

const BUILDERS: { [K in FixData['fix']]: Builder<K> } = {
  replace,
  'rename-key': renameKey,
  'rewrite-line': rewriteLine,
  'insert-field': insertField,
  'remove-duplicate': removeDuplicate,
  none: () => [],
};

function isFixData(data: unknown): data is FixData {
  return typeof data === 'object' && data !== null && typeof (data as { fix?: unknown }).fix === 'string' && (data as { fix: string }).fix in BUILDERS;
}

/**
 * The quick fixes for the given diagnostics (those of this server), plus "Add all missing fields" for each record
 * one of them is about. `all` is every current diagnostic of the document, where the other missing fields are found.
 */
export function quickFixes(context: QuickFixContext, diagnostics: readonly Diagnostic[], all: readonly Diagnostic[] = diagnostics): CodeAction[] {
  const actions: CodeAction[] = [];
  const missingByRecord = new Map<number, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'fragments' || !isFixData(diagnostic.data)) continue;
    const data = diagnostic.data;
    if (diagnostic.code === 'unstructured') {
      const convert = convertStoryAction(context, diagnostic);
      if (convert) actions.push(convert);
      continue;
    }
    const build = BUILDERS[data.fix] as Builder<typeof data.fix>;
    actions.push(...build(context, diagnostic, data as never));
    if (data.fix === 'insert-field') missingByRecord.set(data.record, []);
  }
  for (const diagnostic of all) {
    const data = diagnostic.data as FixData | undefined;
    if (diagnostic.source === 'fragments' && data?.fix === 'insert-field') missingByRecord.get(data.record)?.push(diagnostic);
  }
  for (const missing of missingByRecord.values()) {
    if (missing.length < 2) continue;
    const specs = missing.flatMap((d) => {
      const spec = context.schema.byName.get((d.data as { key: string }).key);
      return spec ? [spec] : [];
    });
    const workspaceEdit = insertFields(context, missing[0].range.start.line, specs);
    if (workspaceEdit) actions.push({ title: `Add all ${specs.length} missing fields`, kind: QUICKFIX, diagnostics: missing, edit: workspaceEdit });
  }
  return actions;
}
