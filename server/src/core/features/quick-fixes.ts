/**
 * Quick fixes, built from each diagnostic's `data` (FixData): one builder per kind of fix. The edits are computed
 * against the current text, so a fix never relies on line numbers from an older version of the document.
 */
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { FixData } from '../diagnostic';
import { listOf, quote } from '../diagnostic';
import type { ParsedDocument } from '../parser';
import type { FieldSpec, Schema } from '../schema/model';
import { convertStoryAction } from './convert-story';
import { redactFixes } from './redaction';
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
  specFor,
  textIn,
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

/**
 * A fix's title names the text it takes away, quoted, so that nothing goes without the person seeing it go:
 * `Replace "meduim" with "medium"`, not `Replace with "medium"`.
 */
function replaceTitle(context: QuickFixContext, diagnostic: Diagnostic, suggestion: string): string {
  const written = textIn(context.document, diagnostic.range);
  switch (diagnostic.code) {
    case 'unknown-marker':
      return `Replace ${quote(written, 80)} with the marker ${suggestion}`;
    case 'repeated-choice': {
      const removed = removedChoices(context, diagnostic, written, suggestion);
      return removed.length ? `Remove the repeated ${listOf(removed.map((c) => quote(c, 80)), 'and')}` : `Replace ${quote(written, 80)} with ${quote(suggestion, 80)}`;
    }
    default:
      return `Replace ${quote(written, 80)} with ${quote(suggestion, 80)}`;
  }
}

/** The choices a multi-choice value loses when it becomes `kept`: the repeats, as written. */
function removedChoices(context: QuickFixContext, diagnostic: Diagnostic, written: string, kept: string): string[] {
  const field = fieldAtLine(context.document, diagnostic.range.start.line);
  const separator = (field && specFor(context.schema, field.key)?.separator) || ',';
  const left = kept.split(separator).map((c) => c.trim());
  const removed: string[] = [];
  for (const choice of written.split(separator).map((c) => c.trim())) {
    const at = left.indexOf(choice);
    if (at >= 0) left.splice(at, 1);
    else if (choice !== '') removed.push(choice);
  }
  return removed;
}

const replace: Builder<'replace'> = (context, diagnostic, data) =>
  data.suggestions.map((suggestion, index) =>
    action(replaceTitle(context, diagnostic, suggestion), diagnostic, edit(context.uri, [{ range: diagnostic.range, newText: suggestion }]), index === 0),
  );

const renameKey: Builder<'rename-key'> = (context, diagnostic, data) =>
  data.suggestions.map((suggestion, index) =>
    action(`Rename ${quote(textIn(context.document, diagnostic.range), 80)} to ${quote(suggestion, 80)}`, diagnostic, edit(context.uri, [{ range: diagnostic.range, newText: suggestion }]), index === 0),
  );

const rewriteLine: Builder<'rewrite-line'> = (context, diagnostic, data) => [
  action(`Rewrite as a field: ${quote(data.replacement, 50)}`, diagnostic, edit(context.uri, [{ range: fromLineStart(context.document, diagnostic.range), newText: data.replacement }]), true),
];

/**
 * Inserts the given fields into the record at `line`, each at its schema position, with an empty value: the person
 * writes it. (A snippet choice would put its first value in the text, a value nobody chose.) With snippet edits each
 * value is an empty tab stop, so Tab goes from one to the next.
 */
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
      const text = group.map((spec) => `**${escapeSnippet(spec.key)}**: \${${++stop}}`).join(eol);
      const plain = insertLineAfter(document, after, '\u0000');
      const [headText, tailText] = plain.newText.split('\u0000').map((t) => escapeSnippet(t));
      return { range: plain.range, snippet: { kind: 'snippet', value: headText + text + tailText } };
    });
    return { documentChanges: [{ textDocument: { uri, version: null }, edits }] } as WorkspaceEdit;
  }
  return edit(uri, [...byLine].map(([after, group]) => insertLineAfter(document, after, group.map((s) => emptyFieldLine(s.key)).join(eol))));
}

/** The title of an action that adds these missing fields. */
function addFieldsTitle(specs: readonly FieldSpec[], all = false): string {
  if (specs.length === 1) return `Add the missing field ${quote(specs[0].key, 80)}`;
  if (all) return `Add all ${specs.length} missing fields`;
  if (specs.length <= 3) return `Add the missing fields ${listOf(specs.map((s) => quote(s.key, 80)), 'and')}`;
  const presence = specs.every((s) => s.presence === specs[0].presence) ? ` ${specs[0].presence}` : '';
  return `Add the ${specs.length} missing${presence} fields`;
}

function specsOf(context: QuickFixContext, keys: readonly string[]): FieldSpec[] {
  return keys.flatMap((key) => context.schema.byName.get(key) ?? []);
}

const insertFieldsFix: Builder<'insert-fields'> = (context, diagnostic, data) => {
  const specs = specsOf(context, data.keys);
  const workspaceEdit = insertFields(context, diagnostic.range.start.line, specs);
  return workspaceEdit ? [action(addFieldsTitle(specs), diagnostic, workspaceEdit, true)] : [];
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
  'insert-fields': insertFieldsFix,
  'remove-duplicate': removeDuplicate,
  redact: (context, diagnostic, data) => redactFixes(context.document, context.schema, context.uri, diagnostic, data),
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
    if (data.fix === 'insert-fields') missingByRecord.set(data.record, []);
  }
  // A record missing both required and recommended fields has two problems: one more action adds everything.
  for (const diagnostic of all) {
    const data = diagnostic.data as FixData | undefined;
    if (diagnostic.source === 'fragments' && data?.fix === 'insert-fields') missingByRecord.get(data.record)?.push(diagnostic);
  }
  for (const missing of missingByRecord.values()) {
    if (missing.length < 2) continue;
    const specs = specsOf(context, missing.flatMap((d) => (d.data as { keys: string[] }).keys));
    const workspaceEdit = insertFields(context, missing[0].range.start.line, specs);
    if (workspaceEdit) actions.push({ title: addFieldsTitle(specs, true), kind: QUICKFIX, diagnostics: missing, edit: workspaceEdit });
  }
  return actions;
}
