/**
 * `--init-schema FOLDER`: prints a schema inferred from the fragment files of a folder (core/schema/infer.ts), to
 * start a team schema from. The schema goes to stdout, so it lands only where the user puts it; what it left out as
 * suspects goes to stderr too, so the person sees it without opening the file.
 */
import { statSync } from 'node:fs';
import { nodeFilesSync } from '../host/node';
import { inferSchemaFromFolder } from '../schemas/infer-folder';
import { UsageError } from './options';

/** Suspects listed on stderr; the file lists up to 200. */
const SUSPECTS_SHOWN = 20;

export function initSchema(folder: string, asGiven: string, note: (line: string) => void): string {
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new UsageError(`No such file or folder: ${asGiven}`);
  }
  if (!isFolder) throw new UsageError(`--init-schema needs a folder of fragment files; ${asGiven} is a file.`);
  const inferred = inferSchemaFromFolder(nodeFilesSync, folder);
  note(
    `Inferred from ${plural(inferred.records, 'record')} in ${plural(inferred.files, 'fragment file')} in ${asGiven}. ` +
      'It extends the built-in schema. Save it as fragment.schema.json (it applies from then on) and edit it to suit your team.',
  );
  if (inferred.suspects.length > 0) {
    note(`${plural(inferred.suspects.length, 'value')} the built-in schema does not accept ${inferred.suspects.length === 1 ? 'was' : 'were'} not added (suspects; also listed at the end of the schema):`);
    for (const s of inferred.suspects.slice(0, SUSPECTS_SHOWN)) {
      const where = s.places.map((p) => `${asGiven.replace(/[\\/]+$/, '')}/${p.path}:${p.line}`).join(', ') + (s.count > s.places.length ? ', …' : '');
      note(`  ${JSON.stringify(s.text)}${s.field ? ` in ${s.field}` : ''}, ${plural(s.count, 'time')}: ${where}`);
    }
    if (inferred.suspects.length > SUSPECTS_SHOWN) note(`  … and ${inferred.suspects.length - SUSPECTS_SHOWN} more.`);
  }
  return inferred.text.trimEnd();
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
