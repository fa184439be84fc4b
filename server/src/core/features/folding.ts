/** Folding: each record, and each value that runs over several lines. */
import type { FoldingRange } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../parser';

export function foldingRanges(document: ParsedDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const record of document.records) {
    let end = record.endLine;
    while (end > record.startLine && document.lines[end].trim() === '') end--;
    if (end > record.startLine) ranges.push({ startLine: record.startLine, endLine: end });
    for (const field of record.fields) {
      if (field.endLine > field.line) ranges.push({ startLine: field.line, endLine: field.endLine });
    }
  }
  return ranges;
}
