/**
 * `redact`: the text a confidentiality rule found (pii, redaction-drift, a name or place in clear) becomes a marker,
 * here or everywhere in the record. Never safe: a person decides what to hide (features/redaction.ts builds them).
 */
import { redactFixes } from '../redaction';
import type { FixKind } from './fix';

export const redact: FixKind<'redact'> = {
  canBeSafe: false,
  build: redactFixes,
};
