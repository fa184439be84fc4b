/** Helpers for rule tests: validate text with a pinned "now" and pick diagnostics by code. */
import { validate, type FragmentDiagnostic } from '../../server/src/core';
import { NOW } from './fixtures';

export function check(text: string): FragmentDiagnostic[] {
  return validate(text, { now: NOW, uri: 'file:///test.fragment' });
}

export function withCode(text: string, code: string): FragmentDiagnostic[] {
  return check(text).filter((d) => d.code === code);
}

/** The text a diagnostic's range covers (single-line ranges). */
export function covered(text: string, d: FragmentDiagnostic): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (d.range.start.line !== d.range.end.line) throw new Error('multi-line range');
  return lines[d.range.start.line].slice(d.range.start.character, d.range.end.character);
}
