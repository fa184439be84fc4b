import * as l10n from '@vscode/l10n';
import { quote, Severity } from '../diagnostic';
import { valueRange } from '../parser';
import { eachStatement, hasMarker } from './prose';
import type { Rule } from './rule';

/**
 * Whole answers that name no source a reviewer could open or ask, compared lower case, punctuation as spaces. A
 * leading yes or no is dropped first: "Yes, see report" is "see report".
 */
const PLACEHOLDERS = new Set([
  'yes',
  'no',
  'y',
  'ok',
  'okay',
  'n a',
  'na',
  'none',
  'nil',
  'tbd',
  'tba',
  'to be added',
  'to be confirmed',
  'available',
  'available on request',
  'on request',
  'on file',
  'attached',
  'see attached',
  'see attachment',
  'see annex',
  'annex',
  'report',
  'reports',
  'see report',
  'see reports',
  'see the report',
  'see the reports',
  'in the report',
  'in the reports',
  'see above',
  'see below',
  'link',
  'links',
  'the link',
  'see link',
  'link below',
  'link attached',
  'evidence',
  'documents',
  'documentation',
]);
/**
 * More letters and digits than any placeholder has, with "yes" before it: such an answer is no placeholder, whatever it
 * normalises to. Lower-casing a sentence of evidence and replacing its punctuation cost more than the rest of the rule
 * on the bench's records; this test stops after a few words. Counts only ASCII ones, which normalising keeps.
 */
const LONGEST_PLACEHOLDER = Math.max(...[...PLACEHOLDERS].map((answer) => answer.replace(/ /g, '').length));
const TOO_MANY_LETTERS = new RegExp(`^(?:[^A-Za-z0-9]*[A-Za-z0-9]){${LONGEST_PLACEHOLDER + 'yes'.length + 1}}`);
/** The answer speaks of a link, a URL or a file to follow. */
const SPEAKS_OF_LINK = /\b(?:links?|url|hyperlinks?)\b/i;
/** Something a reader can follow: a web address, a file name, a path. */
const SOMETHING_TO_FOLLOW = /https?:\/\/|www\.|\b[\w-]{1,100}\.(?:pdf|docx?|xlsx?|pptx?|jpe?g|png|mp4|zip|org|com|net|int)\b|[\\/]\w/i;

/** The answer, lower case, with punctuation as single spaces, a leading yes or no dropped. */
function normalised(value: string): string {
  const words = value
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const rest = words.replace(/^(?:yes|no)\s+/, '');
  return rest === '' ? words : rest;
}

/**
 * Verifiable: an outcome is credible when a reviewer can check it. The evidence field (the `evidence` role) says
 * only "Yes", "see report", or speaks of a link that is not there. A value with a marker may hide the real source:
 * it is not judged.
 */
export const placeholderEvidence: Rule = {
  code: 'placeholder-evidence',
  describe: () => l10n.t('The evidence points to nothing a reviewer can check: "Yes", "see report", or a link that is not given.'),
  check(context) {
    const { evidence } = context.schema.quality;
    eachStatement(context, evidence, (field, text) => {
      if (hasMarker(text)) return false;
      let message: string | undefined;
      if (!TOO_MANY_LETTERS.test(text) && PLACEHOLDERS.has(normalised(text))) {
        message = l10n.t('{0} does not point to anything a reviewer can check. Where is the evidence: which report, document, link or person?', quote(text));
      } else if (SPEAKS_OF_LINK.test(text) && !SOMETHING_TO_FOLLOW.test(text)) {
        message = l10n.t('This speaks of a link, but no link is given. Where can a reviewer find the evidence?');
      }
      return message !== undefined && context.report({ code: 'placeholder-evidence', severity: Severity.Information, message, range: valueRange(field), data: { fix: 'none' }, spec: evidence });
    });
  },
};
