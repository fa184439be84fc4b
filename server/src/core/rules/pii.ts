import * as l10n from '@vscode/l10n';
import { redactionMarkers } from '../features/redaction';
import { Severity } from '../diagnostic';
import { valueSubRange, type Field } from '../parser';
import { eachConfidentialValue } from './names';
import type { FieldSpec } from '../schema/model';
import type { Rule, RuleContext } from './rule';

/**
 * What personal contact details look like. Every repetition is bounded and the expressions run on one line at a
 * time, so a megabyte line is scanned in linear time.
 */
const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"'()[\]]{1,2000}/gi;
/** Cheap tests that tell whether a line may hold a web address or a phone number at all. */
const LINK_START = /https?:|www\./i;
const THREE_DIGITS = /\d{3}/;
/** A run of digits with the usual phone separators; which runs are phone numbers is decided by `isPhoneNumber`. */
const PHONE_LIKE = /(?<![\w+.])(?:\+|\(|0|[1-9])[\d ().-]{7,22}\d(?![\w])/g;

/** Phone numbers: international (+…), with a leading trunk 0, or grouped 3-3-4; never a list of years or a date. */
function isPhoneNumber(text: string): boolean {
  const digits = text.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 15) return false;
  if (/[ .-]{2}|\.\s|\s\./.test(text)) return false; // "2023. 2024": sentences, not a number
  const groups = text.split(/[^\d]+/).filter(Boolean);
  if (groups.every((g) => /^(?:19|20)\d\d$/.test(g))) return false; // years: "2022 2023"
  if (/^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(text)) return false; // a date
  if (text.startsWith('+') || text.startsWith('(') || text.startsWith('0')) return true;
  return /^\d{3}[ .-]\d{3}[ .-]\d{4}$/.test(text);
}

interface Found {
  start: number;
  end: number;
  what: string;
}

const NOTHING_FOUND: readonly Found[] = Object.freeze([]);

/** Every match of a global expression, found with `exec` (`matchAll` copies the expression on each call). */
function eachMatch(pattern: RegExp, line: string, found: (match: RegExpExecArray) => void): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(line); m; m = pattern.exec(line)) found(m);
}

function findContactDetails(line: string): readonly Found[] {
  const hasAt = line.includes('@');
  const hasLink = LINK_START.test(line);
  const hasDigits = THREE_DIGITS.test(line);
  if (!hasAt && !hasLink && !hasDigits) return NOTHING_FOUND; // most lines: nothing to look for
  const found: Found[] = [];
  if (hasAt) eachMatch(EMAIL, line, (m) => found.push({ start: m.index, end: m.index + m[0].length, what: l10n.t('an e-mail address') }));
  if (hasLink) {
    eachMatch(URL, line, (m) => {
      const text = m[0].replace(/[.,;:!?]+$/, ''); // sentence punctuation after a link is not part of it
      found.push({ start: m.index, end: m.index + text.length, what: l10n.t('a web address') });
    });
  }
  if (hasDigits) {
    eachMatch(PHONE_LIKE, line, (m) => {
      if (isPhoneNumber(m[0])) found.push({ start: m.index, end: m.index + m[0].length, what: l10n.t('a phone number') });
    });
  }
  if (found.length === 0) return NOTHING_FOUND;
  // An e-mail's domain is not also a web address, a number inside a link is not also a phone number.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  let reached = 0;
  return found.filter((f) => {
    if (f.start < reached) return false;
    reached = f.end;
    return true;
  });
}

/**
 * In a confidential record (the schema's confidentiality role, see core/confidential.ts), contact details in a text
 * value must be redacted before the record is shared.
 */
export const pii: Rule = {
  code: 'pii',
  describe: () => l10n.t('An e-mail address, phone number or web address in a text value of a record marked confidential.'),
  check(context) {
    const markers = redactionMarkers(context.schema, 'any');
    // The text values of the confidential records, found once per check for every confidentiality rule.
    eachConfidentialValue(context, ({ field, spec, value }) => {
      // A one-line value has no per-line parts: it is its own single part.
      if (field.valueLines.length === 0) {
        reportContactDetails(context, field, spec, markers, 0, value);
        return;
      }
      for (const part of field.valueLines) reportContactDetails(context, field, spec, markers, part.offset, value.slice(part.offset, part.offset + part.length));
    });
  },
};

/** Reports the contact details in `text`, the part of the field's value that starts at `offset`. */
function reportContactDetails(context: RuleContext, field: Field, spec: FieldSpec | undefined, markers: string[], offset: number, text: string): void {
  for (const found of findContactDetails(text)) {
    context.report({
      code: 'pii',
      severity: Severity.Warning,
      message: l10n.t('This looks like {0}. The record is marked confidential, so redact it before the record is shared.', found.what),
      range: valueSubRange(field, offset + found.start, offset + found.end),
      data: { fix: 'redact', markers },
      spec,
    });
  }
}
