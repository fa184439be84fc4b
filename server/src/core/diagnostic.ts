/** The diagnostics the core produces: LSP diagnostics whose `data` says how to fix them. */
import * as l10n from '@vscode/l10n';
import type { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import type { DiagnosticCode } from './diagnostic-codes';

/**
 * What a quick fix needs, carried in `diagnostic.data` (as the YAML language server does), so that the fix can be
 * built later from the diagnostic alone. Each kind (`fix`) has one builder: see features/fixes/index.ts.
 */
export type FixData =
  | { fix: 'replace'; suggestions: string[] } // replace the diagnostic's range with a suggestion (first = best)
  | { fix: 'rename-key'; suggestions: string[] } // replace the key (the diagnostic's range)
  | { fix: 'rewrite-line'; replacement: string } // replace the diagnostic's range (the whole line) with a field line
  | { fix: 'insert-fields'; keys: string[]; record: number; recordStartLine: number } // keys: the missing fields, in schema order
  | { fix: 'remove-duplicate'; key: string; firstLine: number; sameValue: boolean }
  | { fix: 'convert-story' } // the file is a story without fields: make it a record
  // replace the diagnostic's range with a marker (first = best); `everywhere`: this text may be redacted in every
  // value of the record at once (features/redaction.ts)
  | { fix: 'redact'; markers: string[]; everywhere?: string }
  | { fix: 'none'; hidden?: number }; // hidden: on a too-many-problems note, how many problems it leaves out

export interface FragmentDiagnostic extends Diagnostic {
  code: DiagnosticCode;
  /** A link to the rule's page (docs/rules/<code>.md, shipped with the tool): see diagnostic-docs.ts. */
  codeDescription: { href: string };
  source: 'fragments';
  /** Plain text for a person; LSP 3.18 allows Markdown here, but not every client shows it. */
  message: string;
  severity: DiagnosticSeverity;
  range: Range;
  data: FixData;
}

export const Severity = { Error: 1, Warning: 2, Information: 3, Hint: 4 } as const satisfies Record<string, DiagnosticSeverity>;

/** Quotes a piece of user text for a message, shortened so a megabyte value does not become a megabyte message. */
export function quote(text: string, max = 60): string {
  // Only the start is looked at: collapsing the spaces of a whole megabyte value takes seconds.
  const head = text.length > max * 8 ? text.slice(0, max * 8) : text;
  const oneLine = head.replace(/\s+/g, ' ');
  return `"${oneLine.length > max || head !== text ? `${oneLine.slice(0, max - 1)}…` : oneLine}"`;
}

/** `a, b or c` (or `a, b and c`) for messages, in the messages' language. */
export function listOf(items: readonly string[], word: 'or' | 'and' = 'or'): string {
  if (items.length <= 1) return items.join('');
  const head = items.slice(0, -1).join(l10n.t(', '));
  const last = items[items.length - 1];
  return word === 'and' ? l10n.t('{0} and {1}', head, last) : l10n.t('{0} or {1}', head, last);
}

/** How a field is expected in a record, as a word for messages. */
export function presenceWord(presence: 'required' | 'recommended' | 'optional' | 'expected'): string {
  switch (presence) {
    case 'required':
      return l10n.t('required');
    case 'recommended':
      return l10n.t('recommended');
    case 'optional':
      return l10n.t('optional');
    case 'expected':
      return l10n.t('expected');
  }
}
