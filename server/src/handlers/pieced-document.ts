/**
 * The server's open documents: the same answers as vscode-languageserver-textdocument's TextDocument, without building
 * the whole text again on every keystroke.
 *
 * That TextDocument keeps the text as one string and edits it with `before + inserted + after`; its next read of a
 * character copies the result into one new string. In a 4.8 MB file that copy took about 20 ms of every keystroke
 * (issue 13, measured with scripts/bench/dense.ts), ten times the checks themselves, and left a 4.8 MB string behind
 * per keystroke for the garbage collector. Here the text is held in pieces of at most a few thousand characters: an
 * edit builds again only the pieces it touches, and the whole text is joined only when a feature asks for it.
 */
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** Pieces are cut to this many characters; an edit's piece is cut again once it grows past twice as many. */
const PIECE_LENGTH = 8192;

const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

/**
 * One version of a document's text, never changed: a view made for a version keeps reading that version's text even
 * when the document has moved on. Has a string's `length` and `slice`, so the checks accept it as they accept a string.
 */
export class PiecedText {
  /** Where each piece starts in the text. */
  private readonly starts: number[];
  private joined: string | undefined;
  readonly length: number;

  private constructor(
    private readonly pieces: readonly string[],
    /** PIECE_LENGTH; tests cut into tiny pieces to edit across many piece edges. */
    private readonly pieceLength: number,
  ) {
    this.starts = new Array<number>(pieces.length);
    let start = 0;
    for (let i = 0; i < pieces.length; i++) {
      this.starts[i] = start;
      start += pieces[i].length;
    }
    this.length = start;
  }

  static of(text: string, pieceLength = PIECE_LENGTH): PiecedText {
    return new PiecedText(cut(text, pieceLength), pieceLength);
  }

  /** The text with [from, to) replaced by `inserted`; only the pieces holding `from` and `to` are built again. */
  replaced(from: number, to: number, inserted: string): PiecedText {
    const first = this.pieceAt(from);
    const last = this.pieceAt(to);
    const joined = this.pieces[first].slice(0, from - this.starts[first]) + inserted + this.pieces[last].slice(to - this.starts[last]);
    const middle = joined.length > 2 * this.pieceLength ? cut(joined, this.pieceLength) : joined.length > 0 ? [joined] : [];
    const pieces = [...this.pieces.slice(0, first), ...middle, ...this.pieces.slice(last + 1)];
    return new PiecedText(pieces.length > 0 ? pieces : [''], this.pieceLength);
  }

  /** The characters [from, to), like `String.prototype.slice` for offsets within the text. */
  slice(from = 0, to = this.length): string {
    from = Math.max(0, Math.min(from, this.length));
    to = Math.max(from, Math.min(to, this.length));
    if (this.joined !== undefined) return this.joined.slice(from, to);
    const first = this.pieceAt(from);
    const last = this.pieceAt(to);
    if (first === last) return this.pieces[first].slice(from - this.starts[first], to - this.starts[first]);
    let text = this.pieces[first].slice(from - this.starts[first]);
    for (let i = first + 1; i < last; i++) text += this.pieces[i];
    return text + this.pieces[last].slice(0, to - this.starts[last]);
  }

  /** The character code at `offset`, NaN outside the text (as for a string). */
  charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return NaN;
    const piece = this.pieceAt(offset);
    return this.pieces[piece].charCodeAt(offset - this.starts[piece]);
  }

  /** The whole text as one string, joined once per version. */
  toString(): string {
    return (this.joined ??= this.pieces.join(''));
  }

  /** Where each line starts: after LF, CRLF or a CR alone, as TextDocument counts lines. */
  lineOffsets(): number[] {
    const offsets = [0];
    for (let p = 0; p < this.pieces.length; p++) {
      const piece = this.pieces[p];
      const start = this.starts[p];
      for (let i = 0; i < piece.length; i++) {
        const code = piece.charCodeAt(i);
        if (code === LINE_FEED) offsets.push(start + i + 1);
        else if (code === CARRIAGE_RETURN) {
          const next = i + 1 < piece.length ? piece.charCodeAt(i + 1) : this.charCodeAt(start + i + 1);
          if (next !== LINE_FEED) offsets.push(start + i + 1);
        }
      }
    }
    return offsets;
  }

  /** The piece holding `offset`: the last piece that starts at or before it. */
  private pieceAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/** A text in pieces of `length` characters (one empty piece for an empty text). */
function cut(text: string, length: number): string[] {
  if (text.length <= length) return [text];
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += length) pieces.push(text.slice(at, at + length));
  return pieces;
}

/** An open document: a TextDocument whose text is a PiecedText and whose line starts are kept up to date per edit. */
export class PiecedDocument implements TextDocument {
  private current: PiecedText;
  /** Where each line starts; undefined until needed after an edit that made or split a CRLF at its edges. */
  private lineStarts: number[] | undefined;
  private currentVersion: number;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    version: number,
    content: string,
    private readonly pieceLength = PIECE_LENGTH,
  ) {
    this.currentVersion = version;
    this.current = PiecedText.of(content, pieceLength);
  }

  get version(): number {
    return this.currentVersion;
  }

  /** The text of this version, without joining it. */
  get text(): PiecedText {
    return this.current;
  }

  get lineCount(): number {
    return this.lines().length;
  }

  getText(range?: Range): string {
    if (!range) return this.current.toString();
    return this.current.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.current.length), 0);
    const lines = this.lines();
    const line = this.lineOf(lines, offset);
    return { line, character: this.beforeLineBreak(offset, lines[line]) - lines[line] };
  }

  offsetAt(position: Position): number {
    const lines = this.lines();
    if (position.line >= lines.length) return this.current.length;
    if (position.line < 0) return 0;
    const lineStart = lines[position.line];
    if (position.character <= 0) return lineStart;
    const nextLineStart = position.line + 1 < lines.length ? lines[position.line + 1] : this.current.length;
    return this.beforeLineBreak(Math.min(lineStart + position.character, nextLineStart), lineStart);
  }

  /** Line `line` without its line break (the first or last line for a line outside the text). */
  getLineRange(line: number): Range {
    const lines = this.lines();
    if (line >= lines.length) {
      const last = lines.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.current.length - lines[last] } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const lineStart = lines[line];
    const nextLineStart = line + 1 < lines.length ? lines[line + 1] : this.current.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeLineBreak(nextLineStart, lineStart) - lineStart } };
  }

  /** The line break that ends line `line` ('' for the last line and lines outside the text). */
  getEOLCharacters(line: number): string {
    const lines = this.lines();
    if (line >= lines.length || line < 0) return '';
    const nextLineStart = line + 1 < lines.length ? lines[line + 1] : this.current.length;
    return this.current.slice(this.beforeLineBreak(nextLineStart, lines[line]), nextLineStart);
  }

  /** Applies the editor's changes, each to the text the previous one left, as TextDocument.update does. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (!('range' in change) || change.range === undefined) {
        this.current = PiecedText.of(change.text, this.pieceLength);
        this.lineStarts = undefined;
        continue;
      }
      let { start, end } = change.range;
      if (start.line > end.line || (start.line === end.line && start.character > end.character)) [start, end] = [end, start];
      const from = this.offsetAt(start);
      const to = this.offsetAt(end);
      this.current = this.current.replaced(from, to, change.text);
      this.updateLineStarts(from, to, change.text);
    }
    this.currentVersion = version;
  }

  /** Moves the line starts after an edit of [from, to) (offsets before it) that inserted `inserted`. */
  private updateLineStarts(from: number, to: number, inserted: string): void {
    const lines = this.lineStarts;
    if (!lines) return;
    const text = this.current;
    const insertedEnd = from + inserted.length;
    // A CR and an LF that now meet (or were split) at an edge change the line count beyond what the edit shows.
    const crlfAtEdge =
      (text.charCodeAt(from - 1) === CARRIAGE_RETURN && text.charCodeAt(from) === LINE_FEED) ||
      (text.charCodeAt(insertedEnd - 1) === CARRIAGE_RETURN && text.charCodeAt(insertedEnd) === LINE_FEED);
    if (crlfAtEdge) {
      this.lineStarts = undefined;
      return;
    }
    const startLine = this.lineOf(lines, from);
    const endLine = this.lineOf(lines, to);
    const added = lineStartsIn(inserted, from);
    if (added.length < 10_000) lines.splice(startLine + 1, endLine - startLine, ...added);
    else this.lineStarts = [...lines.slice(0, startLine + 1), ...added, ...lines.slice(endLine + 1)]; // too many arguments for splice
    const shift = inserted.length - (to - from);
    const moved = this.lineStarts ?? lines;
    if (shift !== 0) for (let i = startLine + 1 + added.length; i < moved.length; i++) moved[i] += shift;
  }

  /** The line (index into `lines`) that holds `offset`. */
  private lineOf(lines: readonly number[], offset: number): number {
    let low = 0;
    let high = lines.length;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (lines[middle] > offset) high = middle;
      else low = middle + 1;
    }
    return low - 1;
  }

  private lines(): number[] {
    return (this.lineStarts ??= this.current.lineOffsets());
  }

  /** `offset` moved back over any line-break characters, but not before `lineStart`. */
  private beforeLineBreak(offset: number, lineStart: number): number {
    while (offset > lineStart && isLineBreak(this.current.charCodeAt(offset - 1))) offset--;
    return offset;
  }
}

function isLineBreak(code: number): boolean {
  return code === CARRIAGE_RETURN || code === LINE_FEED;
}

/** Where lines start inside `text` (which begins at `offset` in the document): after each LF, CRLF or CR alone. */
function lineStartsIn(text: string, offset: number): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isLineBreak(code)) {
      if (code === CARRIAGE_RETURN && text.charCodeAt(i + 1) === LINE_FEED) i++;
      starts.push(offset + i + 1);
    }
  }
  return starts;
}
