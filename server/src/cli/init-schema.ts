/** `--init-schema FOLDER`: prints a schema inferred from the fragment files of a folder, to start a team schema from. */
import { statSync } from 'node:fs';
import { inferSchemaFromFolder } from '../schema-resolver';
import { UsageError } from './options';

export function initSchema(folder: string, asGiven: string, note: (line: string) => void): string {
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new UsageError(`No such file or folder: ${asGiven}`);
  }
  if (!isFolder) throw new UsageError(`--init-schema needs a folder of fragment files; ${asGiven} is a file.`);
  const inferred = inferSchemaFromFolder(folder);
  note(`Inferred from ${inferred.files} fragment file${inferred.files === 1 ? '' : 's'} in ${asGiven}. Save it as fragment.schema.json and edit it to suit your team.`);
  return inferred.text.trimEnd();
}
