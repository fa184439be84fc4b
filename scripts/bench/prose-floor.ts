/**
 * The least a check that reads the prose can cost: one pass over the characters of every text value, in JavaScript,
 * doing nothing but telling word characters from the rest (the words counted, so the loop is not optimised away).
 * The quality and confidentiality prompts (issue 17) must read those values at least once; the bench's baseline reads
 * each line once, with the engine's built-in split and regular expression, which no JavaScript loop matches. The bench
 * prints this pass as a ratio to that baseline, beside the core's: what any way of writing those prompts adds at
 * the least, measured rather than estimated.
 */
type Core = typeof import('../../server/src/core');

/** The text values (the schema's free-text fields) of a document, read out before anything is timed. */
export function proseValues(core: Core, text: string): string[] {
  const schema = core.getDefaultSchema();
  const document = core.parseWithSchema(text, schema);
  return document.fields.filter((field) => schema.byName.get(field.key)?.kind === 'text').map((field) => core.fieldValue(field));
}

/** One pass over each value's characters: the words of all of them (ASCII decided by code, the rest as letters). */
export function readProseOnce(values: readonly string[]): number {
  let words = 0;
  for (const value of values) {
    let inWord = false;
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      const isWord = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code > 127;
      if (isWord && !inWord) words++;
      inWord = isWord;
    }
  }
  return words;
}
