/**
 * Diagnostics of an open document kept per record, so that an edit inside one record re-checks that record, not the
 * file. Records are independent for every rule (duplicate IDs across records are the workspace index's work), so the
 * diagnostics of a file are the diagnostics of each record, one after the other.
 *
 * The document is cut into chunks: chunk 0 starts at the start of the text (with anything before the first record),
 * every other chunk starts at a line that starts a record. A chunk keeps its length, its number of line breaks and
 * its diagnostics relative to its own first line and record, never absolute offsets, so an edit touches only the
 * chunks around it: the chunks after it need no shifting. An edit marks the chunk it falls in (and the one before,
 * because a changed record-start line may join the previous record) as one dirty chunk; the next read parses the
 * dirty text again and cuts it into records.
 *
 * A chunk is checked when its diagnostics are first needed, in document order, so a file with far more problems than
 * can be shown stops checking at the cap. The outline is kept the same way: each record's entry is made from its own
 * text when the outline first shows it, and kept until an edit touches the record.
 */
import { capDiagnostics, MAX_DIAGNOSTICS } from './cap';
import { directed } from './l10n';
import { duplicateMessage } from './rules/duplicate-field';
import type { FragmentDiagnostic } from './diagnostic';
import { fieldLineKey } from './grammar';
import { parse, valueRange, fieldValue, type ParsedDocument } from './parser';
import { RULES, UNSTRUCTURED_RULE } from './rules';
import type { Schema } from './schema/model';
import { schemaIndex } from './schema/schema-index';
import { validateParsed } from './validate';
import { movedEntry, outlineEntries, recordEntry, type RecordEntry } from './features/symbols';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import type { RecordId } from './workspace/duplicate-ids';

/** A change as the editor sends it: the characters [from, to) of the text before it are replaced by `length` new ones. */
export interface TextChange {
  from: number;
  to: number;
  length: number;
}

/**
 * The text of one version of a document: a string, or the server's pieced text (handlers/pieced-document.ts), which
 * gives the parts the checks read without joining the whole text on each keystroke.
 */
export interface TextSource {
  readonly length: number;
  slice(from: number, to: number): string;
}

/** One record (or, for chunk 0, whatever comes before the second record). */
interface Chunk {
  /** Characters, line breaks included. */
  length: number;
  /** Line breaks inside the chunk: the next chunk starts that many lines below this one. */
  breaks: number;
  /** 0 for text without fields (only ever chunk 0), else 1; undefined while dirty. */
  records: number;
  /** Whether an edit touched this text since it was last cut into records. */
  dirty: boolean;
  /** Diagnostics with lines and record numbers relative to the chunk; undefined until checked. */
  diagnostics: readonly FragmentDiagnostic[] | undefined;
  /** The record's ID (its first field when that is the record-start key), relative to the chunk's first line. */
  id: ChunkId | undefined;
  /**
   * For a dirty chunk: the IDs of the chunks it replaced, relative to its first line (undefined: not known). When the
   * new cut has the same IDs on the same lines and as many lines, the document's IDs did not change.
   */
  previousIds?: ChunkId[];
  /**
   * The record's outline entry once the outline has shown it, with the line and record number it was made for: kept
   * until an edit touches the record, and moved when lines or records before it come or go.
   */
  outline?: KeptEntry;
}

interface KeptEntry {
  entry: RecordEntry;
  line: number;
  index: number;
}

/** A record's ID and where it is, relative to its chunk: one object, not the four of a `RecordId`. */
interface ChunkId {
  value: string;
  line: number;
  start: number;
  endLine: number;
  end: number;
}

const NONE: readonly FragmentDiagnostic[] = Object.freeze([]);
/** ID generations are unique across documents and checks, so one number tells a state apart from any other. */
let lastIdGeneration = 0;

export interface RecordChecksOptions {
  schema: Schema;
  uri?: string;
  /** "Now", for the Year rule; tests pin it. */
  now?: Date;
}

export class RecordChecks {
  private chunks: Chunk[];
  private text: TextSource;
  /** Bumped when a record's ID, or the line it is on, may have changed: the workspace index compares it. */
  private idGeneration = ++lastIdGeneration;
  /**
   * How many chunks are dirty, the first of them, and where it starts: a read cuts from there and stops after the
   * last, rather than walking all chunks (about 1 ms a keystroke in a file of 120,000 records, issue 13).
   */
  private dirtyCount = 1;
  private firstDirty = 0;
  private firstDirtyOffset = 0;
  /**
   * Chunks not yet checked or with problems: once a read has passed them all, the rest of the document is clean and
   * need not be walked.
   */
  private unsettled = 1;

  constructor(
    text: TextSource,
    private readonly options: RecordChecksOptions,
  ) {
    this.text = text;
    this.chunks = [{ length: text.length, breaks: 0, records: 0, dirty: true, diagnostics: undefined, id: undefined }];
  }

  /**
   * Takes the editor's changes, each against the text as the previous one left it, and the text after all of them.
   * Nothing is parsed here: the touched chunks are only marked.
   */
  edit(changes: readonly TextChange[], text: TextSource): void {
    let length = this.text.length;
    for (const change of changes) {
      if (change.from < 0 || change.from > change.to || change.to > length) return this.reset(text);
      this.markChanged(change);
      length += change.length - (change.to - change.from);
    }
    this.text = text;
    if (length !== text.length) this.reset(text); // the changes did not add up to this text: start afresh
  }

  /** Forgets everything: the whole text is parsed again on the next read. */
  reset(text: TextSource): void {
    this.text = text;
    this.chunks = [{ length: text.length, breaks: 0, records: 0, dirty: true, diagnostics: undefined, id: undefined }];
    this.dirtyCount = 1;
    this.firstDirty = 0;
    this.firstDirtyOffset = 0;
    this.unsettled = 1;
    this.idGeneration = ++lastIdGeneration;
  }

  /** Changes whenever the records' IDs or their lines may have changed. */
  get idsGeneration(): number {
    this.cutDirty();
    return this.idGeneration;
  }

  /** How many records the document has. */
  get recordCount(): number {
    this.cutDirty();
    let count = 0;
    for (const chunk of this.chunks) count += chunk.records;
    return count;
  }

  /** The offset where record `index` (0-based) starts, or the text's length when there are not that many records. */
  recordOffset(index: number): number {
    this.cutDirty();
    let offset = 0;
    let record = 0;
    for (const chunk of this.chunks) {
      if (record === index && chunk.records > 0) return offset;
      record += chunk.records;
      offset += chunk.length;
    }
    return offset;
  }

  /**
   * For features that look at one record (hover, completion): a parse of the record that holds `line`, at its place,
   * with blank lines before it, instead of a parse of the whole file; undefined when the document has a single record
   * or the line is not inside a record (then the whole parse is the one to use).
   */
  parseAround(line: number): ParsedDocument | undefined {
    const around = this.recordAround(line);
    if (!around) return undefined;
    const lineBreak = firstLineBreak(this.text);
    return parse(lineBreak.repeat(around.line) + this.text.slice(around.from, around.to), schemaIndex(this.options.schema));
  }

  /**
   * The record that holds a line, when the document has several records and the line is inside one (not in text
   * before the first): where it starts and ends in the text, and its first line.
   */
  private recordAround(line: number): { from: number; to: number; line: number } | undefined {
    this.cutDirty();
    let offset = 0;
    let first = 0;
    for (const chunk of this.chunks) {
      if (line < first + chunk.breaks || chunk === this.chunks[this.chunks.length - 1]) {
        if (chunk.records === 0 || this.chunks.length < 2 || (offset === 0 && this.text.length > 0 && fieldLineKey(this.text.slice(0, 210)) === undefined)) return undefined;
        return { from: offset, to: offset + chunk.length, line: first };
      }
      offset += chunk.length;
      first += chunk.breaks;
    }
    return undefined;
  }

  /** The IDs of the records, with absolute ranges. */
  recordIds(): RecordId[] {
    this.cutDirty();
    const ids: RecordId[] = [];
    let line = 0;
    for (const chunk of this.chunks) {
      const id = chunk.id;
      if (id) ids.push({ value: id.value, range: { start: { line: id.line + line, character: id.start }, end: { line: id.endLine + line, character: id.end } } });
      line += chunk.breaks;
    }
    return ids;
  }

  /**
   * The outline of the first records whose entries (a record and each of its fields counting one) stay within
   * `maxItems`, the same as `documentSymbols` of the whole parse, and the line where the first record left out starts
   * (undefined when none is). Each record is parsed alone the first time it is shown and its entry kept: after an edit
   * the outline parses the records the edit touched, not the first records of the file again (issue 13).
   */
  outline(maxItems: number): { symbols: DocumentSymbol[]; cutLine: number | undefined } {
    this.cutDirty();
    const symbols: DocumentSymbol[] = [];
    let items = 0;
    let offset = 0;
    let line = 0;
    let index = 0;
    for (const chunk of this.chunks) {
      if (chunk.records > 0) {
        const kept = this.outlineEntry(chunk, offset, line, index);
        if (kept) {
          items += outlineEntries(kept.entry.symbol);
          if (items > maxItems) return { symbols, cutLine: kept.entry.symbol.range.start.line };
          symbols.push(kept.entry.symbol);
        }
      }
      offset += chunk.length;
      line += chunk.breaks;
      index += chunk.records;
    }
    return { symbols, cutLine: undefined };
  }

  /** A record's outline entry for where it is now: the one kept, moved if needed, or made from its text. */
  private outlineEntry(chunk: Chunk, offset: number, line: number, index: number): KeptEntry | undefined {
    const kept = chunk.outline;
    if (kept && kept.line === line && (kept.index === index || !kept.entry.numbered)) return kept;
    if (kept) return (chunk.outline = { entry: movedEntry(kept.entry, line - kept.line, index, this.options.schema), line, index });
    const document = this.parseOwn(offset, chunk.length);
    const record = document.records[0]; // a chunk with a record is cut to hold exactly one
    if (!record) return undefined;
    return (chunk.outline = { entry: recordEntry(document, record, this.options.schema, line, index), line, index });
  }

  /**
   * The document's diagnostics, at most `max`, the same as a check of the whole text gives (past the cap the note
   * says how many more were found, as a check of the whole text does: "at least"). Checks the chunks not yet checked
   * in document order until the cap is reached.
   */
  diagnostics(max = MAX_DIAGNOSTICS): FragmentDiagnostic[] {
    this.cutDirty();
    const shown: FragmentDiagnostic[] = [];
    const wholeFile = this.chunks.length === 1 && this.chunks[0].records === 0; // no fields anywhere: a story
    let offset = 0;
    let line = 0;
    let record = 0;
    let found = 0; // diagnostics found, shown or not
    let hiddenByChunk = 0;
    let unsettledAhead = this.unsettled;
    for (const chunk of this.chunks) {
      // Past the cap nothing more is checked ("at least" N more); past the last unsettled chunk all is clean.
      if (found > max || unsettledAhead === 0) break;
      if (isUnsettled(chunk)) {
        unsettledAhead--;
        if (!chunk.diagnostics) {
          chunk.diagnostics = this.check(offset, chunk.length, wholeFile);
          if (chunk.diagnostics.length === 0) this.unsettled--;
        }
        for (const diagnostic of chunk.diagnostics) {
          if (diagnostic.code === 'too-many-problems') {
            hiddenByChunk += diagnostic.data.fix === 'none' ? (diagnostic.data.hidden ?? 0) : 0;
            continue;
          }
          found++;
          if (shown.length <= max) shown.push(moved(diagnostic, line, record));
        }
      }
      offset += chunk.length;
      line += chunk.breaks;
      record += chunk.records;
    }
    if (found <= max && hiddenByChunk === 0) return shown;
    const capped = capDiagnostics(shown.slice(0, max - 1), max, found - Math.min(found, max - 1) + hiddenByChunk);
    return capped;
  }

  /** Checks the chunk at [offset, offset + length) of the text on its own. */
  private check(offset: number, length: number, wholeFile: boolean): readonly FragmentDiagnostic[] {
    const document = this.parseOwn(offset, length);
    if (!wholeFile && document.fields.length === 0 && document.malformed.length === 0 && !document.text.includes('<')) return NONE;
    const diagnostics = validateParsed(document, {
      schema: this.options.schema,
      now: this.options.now,
      uri: this.options.uri,
      rules: wholeFile ? [UNSTRUCTURED_RULE] : RULES,
    });
    return diagnostics.length === 0 ? NONE : diagnostics;
  }

  /**
   * Parses a part of the text from its own copy: what the checks keep (messages, keys) then refers to that small copy,
   * not to the whole text of this version, which would otherwise stay in memory as long as any of its results.
   */
  private parseOwn(offset: number, length: number): ParsedDocument {
    return parse(detachedCopy(this.text.slice(offset, offset + length)), schemaIndex(this.options.schema));
  }

  private markChanged(change: TextChange): void {
    const { chunks } = this;
    // The chunk holding `from`, and the one holding `to` (at a chunk's very start: that chunk, whose first line the
    // inserted text may join).
    let first = -1;
    let firstStart = 0;
    let last = chunks.length - 1;
    let start = 0;
    for (let i = 0; i < chunks.length; i++) {
      const end = start + chunks[i].length;
      if (first < 0 && change.from < end) {
        first = i;
        firstStart = start;
      }
      if (change.to < end) {
        last = i;
        break;
      }
      start = end;
    }
    if (first < 0) {
      // At the very end of the text: the loop went through every chunk, so `start` is the text's length.
      first = chunks.length - 1;
      firstStart = start - chunks[first].length;
    }
    // The chunk before, too: an edit on a record's first line may make it part of the previous record.
    if (first > 0) {
      first--;
      firstStart -= chunks[first].length;
    }
    let length = change.length - (change.to - change.from);
    let breaks = 0;
    let previousIds: ChunkId[] | undefined = [];
    for (let i = first; i <= last; i++) {
      const chunk = chunks[i];
      if (isUnsettled(chunk)) this.unsettled--;
      if (chunk.dirty) this.dirtyCount--;
      if (!chunk.dirty) {
        if (chunk.id) previousIds?.push(shiftedId(chunk.id, breaks));
      } else if (chunk.previousIds && previousIds) {
        for (const id of chunk.previousIds) previousIds.push(shiftedId(id, breaks));
      } else {
        previousIds = undefined;
      }
      length += chunk.length;
      breaks += chunk.breaks;
    }
    chunks.splice(first, last - first + 1, { length, breaks, records: 0, dirty: true, diagnostics: undefined, id: undefined, previousIds });
    this.dirtyCount++;
    // Dirty chunks after the new one moved by the chunks it replaced, but the first dirty one is still found from here.
    if (first <= this.firstDirty || this.dirtyCount === 1) {
      this.firstDirty = first;
      this.firstDirtyOffset = firstStart;
    }
    this.unsettled++;
  }

  /** Parses each dirty chunk again and cuts it into records. */
  private cutDirty(): void {
    let offset = this.firstDirtyOffset;
    for (let i = this.firstDirty; this.dirtyCount > 0 && i < this.chunks.length; i++) {
      let chunk = this.chunks[i];
      if (chunk.dirty) {
        this.dirtyCount--;
        let cut = this.cut(offset, chunk.length);
        // Text before the first record of a cut is read, in the whole text, as part of the record before it (or, at the
        // start of the text, of the first record after it): cut it again together with that record.
        while (cut.leading && i > 0) {
          const before = this.chunks[i - 1]; // already cut: dirty chunks are cut in document order
          if (isUnsettled(before)) this.unsettled--;
          offset -= before.length;
          chunk = { ...chunk, length: before.length + chunk.length, breaks: before.breaks + chunk.breaks, previousIds: undefined };
          this.chunks.splice(--i, 1);
          cut = this.cut(offset, chunk.length);
        }
        if (i === 0 && cut.pieces[0].records === 0 && this.chunks.length > 1) {
          const after = this.chunks[1];
          if (after.dirty) this.dirtyCount--;
          if (isUnsettled(after)) this.unsettled--;
          chunk = { ...chunk, length: chunk.length + after.length, breaks: chunk.breaks + after.breaks, previousIds: undefined };
          this.chunks.splice(1, 1);
          cut = this.cut(offset, chunk.length);
        }
        const { pieces } = cut;
        this.chunks.splice(i, 1, ...pieces);
        i += pieces.length - 1;
        this.unsettled += pieces.length - 1; // a dirty chunk was unsettled, and so is each new piece
        if (!sameIds(chunk, pieces)) this.idGeneration = ++lastIdGeneration;
      }
      offset += chunk.length;
    }
  }

  /**
   * Cuts [offset, offset + length) of the text into one chunk per record (the first keeps any text before it);
   * `leading`: the text does not start with a record's first line.
   */
  private cut(offset: number, length: number): { pieces: Chunk[]; leading: boolean } {
    const text = this.text.slice(offset, offset + length);
    const parsed = parse(text, schemaIndex(this.options.schema));
    const { records } = parsed;
    if (records.length === 0) {
      return { pieces: [{ length, breaks: countBreaks(text, 0, length), records: 0, dirty: false, diagnostics: undefined, id: undefined }], leading: length > 0 };
    }
    const startKeys = schemaIndex(this.options.schema).recordStartKeys;
    const leading = records[0].fields[0].lineStart > 0 || !startKeys.includes(records[0].fields[0].key);
    const pieces: Chunk[] = [];
    for (let r = 0; r < records.length; r++) {
      const from = r === 0 ? 0 : records[r].fields[0].lineStart;
      const to = r + 1 < records.length ? records[r + 1].fields[0].lineStart : length;
      const line = r === 0 ? 0 : records[r].startLine;
      const breaks = r + 1 < records.length ? records[r + 1].startLine - line : countBreaks(text, from, to);
      const first = records[r].fields[0];
      let id: ChunkId | undefined;
      if (startKeys.includes(first.key)) {
        const { start, end } = valueRange(first);
        id = { value: detachedCopy(fieldValue(first)), line: start.line - line, start: start.character, endLine: end.line - line, end: end.character };
      }
      pieces.push({ length: to - from, breaks, records: 1, dirty: false, diagnostics: undefined, id });
    }
    return { pieces, leading };
  }
}

function shiftedId(id: ChunkId, lines: number): ChunkId {
  return lines === 0 ? id : { ...id, line: id.line + lines, endLine: id.endLine + lines };
}

/** Whether the chunks cut from a dirty chunk have the IDs it had before, on the same lines, and as many lines. */
function sameIds(dirty: Chunk, pieces: readonly Chunk[]): boolean {
  const before = dirty.previousIds;
  if (!before) return false;
  let lines = 0;
  let at = 0;
  for (const piece of pieces) {
    const id = piece.id;
    if (id) {
      const old = before[at++];
      if (!old || old.value !== id.value || old.line !== id.line + lines || old.start !== id.start) return false;
      if (old.endLine !== id.endLine + lines || old.end !== id.end) return false;
    }
    lines += piece.breaks;
  }
  return at === before.length && lines === dirty.breaks;
}

function isUnsettled(chunk: Chunk): boolean {
  return chunk.diagnostics === undefined || chunk.diagnostics.length > 0;
}

/** A diagnostic of a chunk, moved to where the chunk lies: its lines, and the lines and records its data names. */
function moved(diagnostic: FragmentDiagnostic, lines: number, records: number): FragmentDiagnostic {
  if (lines === 0 && records === 0) return diagnostic;
  const result: FragmentDiagnostic = { ...diagnostic, range: shiftRange(diagnostic.range, lines) };
  const data = diagnostic.data;
  if (data.fix === 'insert-fields') result.data = { ...data, record: data.record + records, recordStartLine: data.recordStartLine + lines };
  else if (data.fix === 'remove-duplicate') {
    result.data = { ...data, firstLine: data.firstLine + lines };
    // The message names the line of the first copy (duplicate-field's "first on line N"): written again for its new place.
    result.message = directed(duplicateMessage(data.key, data.firstLine + lines, data.sameValue));
  }
  if (diagnostic.relatedInformation) {
    result.relatedInformation = diagnostic.relatedInformation.map((info) => ({ ...info, location: { ...info.location, range: shiftRange(info.location.range, lines) } }));
  }
  return result;
}

function shiftRange(range: FragmentDiagnostic['range'], lines: number): FragmentDiagnostic['range'] {
  return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}


/** The text's first line break (LF when it has none), read a part at a time rather than from the whole text. */
function firstLineBreak(text: TextSource): string {
  const PART = 4096;
  for (let at = 0; at < text.length; at += PART) {
    // One character more than the part, so a CR at its end is told apart from a CRLF; a break found only in that
    // character is found again by the next part.
    const found = /\r\n|\r|\n/.exec(text.slice(at, at + PART + 1));
    if (found && found.index < PART) return found[0];
  }
  return '\n';
}

/** Line breaks (LF, CRLF or CR alone) in [from, to) of the text. */
function countBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code === 10) breaks++;
    else if (code === 13 && text.charCodeAt(at + 1) !== 10) breaks++;
  }
  return breaks;
}

/**
 * A copy of a string that shares no memory with the string it was cut from. V8 represents a slice of a long string
 * as a pointer into it, which keeps the whole (megabytes) alive; a concatenation is flattened into new memory first.
 */
export function detachedCopy(part: string): string {
  return (` ${part}`).slice(1);
}
