/** `--init-schema FOLDER`: prints a schema inferred from the fragment files of a folder, to start a team schema from. */
import type { SchemaData } from '../core';
import { collectFiles, readText } from './files';
import { interimInferSchema } from './interim-infer-schema';

/** Infers a schema from the texts of fragment files. */
export type InferSchema = (texts: readonly string[]) => SchemaData;

export function initSchema(folder: string, warn: (line: string) => void, infer: InferSchema = interimInferSchema): string {
  const texts: string[] = [];
  for (const file of collectFiles([folder])) {
    const read = readText(file);
    if (read.ok) texts.push(read.text);
    else warn(`fragment-lint: skipped ${file}: it ${read.reason}`);
  }
  return JSON.stringify(infer(texts), null, 2);
}
