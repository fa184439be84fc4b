/** What a fix builder returns, and the contract every kind of fix implements (the table is in ./index.ts). */
import { distance } from 'fastest-levenshtein';
import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import type { FixData } from '../../diagnostic';
import type { ParsedDocument } from '../../parser';
import { fold } from '../../schema/compile';
import type { Schema } from '../../schema/model';
import { isClose } from '../../suggest';

/** What a fix is built from: the current text, parsed, so that no fix relies on positions from an older version. */
export interface FixContext {
  readonly document: ParsedDocument;
  readonly schema: Schema;
}

/** An edit whose new text is a snippet (LSP 3.18 `SnippetTextEdit`): tab stops where the person writes. */
export interface SnippetEdit {
  range: Range;
  snippet: { kind: 'snippet'; value: string };
}

export interface Fix {
  /** Names the text the fix takes away, quoted, so that nothing goes without the person seeing it go. */
  title: string;
  /** The change, against the current text. The edits of one fix never overlap. */
  edits: TextEdit[];
  /** The same change with an empty tab stop at each value to write, for a client that takes snippet edits. */
  snippetEdits?: SnippetEdit[];
  /** The fix an editor offers first: the closest suggestion. */
  preferred?: boolean;
  /**
   * Safe to apply with nobody looking: the text alone decides it (one right answer, no choice between candidates),
   * it keeps every character the person wrote (a line it removes repeats another word for word), and it writes no
   * value the person did not write. Fix-all, and so `fragment-lint --fix`, applies only these; a builder marks at
   * most one fix of a diagnostic safe.
   */
  safe: boolean;
}

export type FixBuilder<K extends FixData['fix']> = (context: FixContext, diagnostic: Diagnostic, data: Extract<FixData, { fix: K }>) => Fix[];

/** One kind of fix data (`diagnostic.data.fix`) and how its fixes are built. */
export interface FixKind<K extends FixData['fix']> {
  build: FixBuilder<K>;
  /** Whether a fix of this kind can ever be safe: where none can, fix-all has nothing to do. */
  canBeSafe: boolean;
  /** Its fixes rewrite the whole file: offered wherever fixes are asked for in it, and not when only part of it is read. */
  wholeFile?: boolean;
}

/** The one suggestion that is a close match for what is written, when exactly one is. */
export function onlyCloseCandidate(written: string, suggestions: readonly string[]): string | undefined {
  const close = suggestions.filter((s) => isClose(written, s, distance(fold(written), fold(s))));
  return close.length === 1 ? close[0] : undefined;
}
