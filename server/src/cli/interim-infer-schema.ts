/**
 * Stand-in for the team-schema inference (issue 5) until it lands in the core: every key seen, in first-seen order,
 * with the distinct short values seen and their counts as descriptions.
 */
import { parseWithSchema, type FieldData, type SchemaData } from '../core';
import type { InferSchema } from './init-schema';

const LIST_LIMIT = 50;
const SHORT_VALUE = 80;

export const interimInferSchema: InferSchema = (texts) => {
  const keys = new Map<string, Map<string, number>>();
  for (const text of texts) {
    for (const field of parseWithSchema(text).fields) {
      let counts = keys.get(field.key);
      if (!counts) keys.set(field.key, (counts = new Map()));
      if (field.value !== '') counts.set(field.value, (counts.get(field.value) ?? 0) + 1);
    }
  }
  const fields: FieldData[] = [...keys].map(([key, counts]) => {
    const short = [...counts].every(([value]) => value.length <= SHORT_VALUE && !value.includes('\n'));
    if (!short || counts.size === 0 || counts.size > LIST_LIMIT) return { key, kind: 'text' };
    const values = [...counts].sort((a, b) => b[1] - a[1]).map(([value, count]) => ({ value, description: `Seen ${count} time${count === 1 ? '' : 's'}.` }));
    return { key, kind: 'open', values };
  });
  return { description: `Inferred from ${texts.length} fragment file${texts.length === 1 ? '' : 's'}.`, fields } satisfies SchemaData;
};
