/**
 * `--init-schema FOLDER`: prints a schema inferred from the fragment files of a folder (core/schema/infer.ts), to
 * start a team schema from. The schema goes to stdout, so it lands only where the user puts it; what it left out as
 * suspects goes to stderr too, so the person sees it without opening the file.
 */
import * as l10n from '@vscode/l10n';
import { statSync } from 'node:fs';
import { nodeFilesSync } from '../host/node';
import { inferSchemaFromFolder } from '../schemas/infer-folder';
import { counted } from './formats/format';
import { UsageError } from './options';

/** Suspects listed on stderr; the file lists up to 200. */
const SUSPECTS_SHOWN = 20;

export function initSchema(folder: string, asGiven: string, note: (line: string) => void): string {
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new UsageError(l10n.t('No such file or folder: {0}', asGiven));
  }
  if (!isFolder) throw new UsageError(l10n.t('--init-schema needs a folder of fragment files; {0} is a file.', asGiven));
  const inferred = inferSchemaFromFolder(nodeFilesSync, folder);
  const files = inferred.files === 1 ? l10n.t('1 fragment file') : l10n.t('{0} fragment files', inferred.files);
  note(
    `${l10n.t('Inferred from {0} in {1} in {2}.', counted.records(inferred.records), files, asGiven)} ` +
      l10n.t('It extends the built-in schema. Save it as fragment.schema.json (it applies from then on) and edit it to suit your team.'),
  );
  if (inferred.suspects.length > 0) {
    note(
      inferred.suspects.length === 1
        ? l10n.t('1 value the built-in schema does not accept was not added (suspects; also listed at the end of the schema):')
        : l10n.t('{0} values the built-in schema does not accept were not added (suspects; also listed at the end of the schema):', inferred.suspects.length),
    );
    for (const s of inferred.suspects.slice(0, SUSPECTS_SHOWN)) {
      const where = s.places.map((p) => `${asGiven.replace(/[\\/]+$/, '')}/${p.path}:${p.line}`).join(', ') + (s.count > s.places.length ? ', …' : '');
      const times = s.count === 1 ? l10n.t('1 time') : l10n.t('{0} times', s.count);
      note(`  ${s.field ? l10n.t('{0} in {1}', JSON.stringify(s.text), s.field) : JSON.stringify(s.text)}, ${times}: ${where}`);
    }
    if (inferred.suspects.length > SUSPECTS_SHOWN) note(`  ${l10n.t('… and {0} more.', inferred.suspects.length - SUSPECTS_SHOWN)}`);
  }
  return inferred.text.trimEnd();
}

