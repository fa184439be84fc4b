/** Which schema the CLI checks against: `--schema FILE`, else the built-in default. */
import { readFileSync } from 'node:fs';
import { compileSchema, getDefaultSchema, type Schema, type SchemaData } from '../core';
import { UsageError } from './options';

/** Reads and compiles a schema file; a broken one is a usage error (exit 2) with the reason in plain words. */
export function loadSchemaFile(path: string): Schema {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the schema file ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  let data: SchemaData;
  try {
    data = JSON.parse(text) as SchemaData;
  } catch (error) {
    throw new UsageError(`The schema file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || !Array.isArray(data.fields)) {
    throw new UsageError(`The schema file ${path} has no "fields" list, so it is not a fragment schema.`);
  }
  try {
    return compileSchema(data);
  } catch (error) {
    throw new UsageError(`The schema file ${path} is broken: ${(error as Error).message}`);
  }
}

/** The schema for one run: the named file, or the default. */
export function schemaFor(schemaPath: string | undefined): Schema {
  return schemaPath === undefined ? getDefaultSchema() : loadSchemaFile(schemaPath);
}
