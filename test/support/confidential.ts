/** Records marked confidential, for the tests of the confidentiality rules. */
import { withField } from './fixtures';

/** A record (VALID_RECORD by default) with its confidentiality flag set to `flag`. */
export function markedConfidential(record?: string, flag = '1.0'): string {
  return withField('Outcome statements is CONFIDENTIAL', `**Outcome statements is CONFIDENTIAL**: ${flag}`, record);
}

/** VALID_RECORD marked confidential, with the given text values (by key) replaced. */
export function confidentialWith(values: Record<string, string>, flag = '1.0'): string {
  let text = markedConfidential(undefined, flag);
  for (const [key, value] of Object.entries(values)) text = withField(key, `**${key}**: ${value}`, text);
  return text;
}
