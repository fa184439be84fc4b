/**
 * What the VS Code client asks about schemas (custom requests, so the client stays thin): which schema applies to a
 * document, its templates as text, a starting schema file, and a schema inferred from a folder.
 */
import * as l10n from '@vscode/l10n';
import { DEFAULT_SCHEMA_DATA } from '../core';
import { schemaToText, starterSchemaText, templatesOf, templateText } from '../core/schema/team';
import { localised } from '../core/l10n';
import { pathToUri, uriToPath } from '../files/uri';
import type { AppliedSchema } from '../schemas/files';
import { inferSchemaFromFolderAsync } from '../schemas/infer-folder';
import { SchemaRequests, type InferredSchemaText, type SchemaInfo, type TemplateChoice } from '../schemas/protocol';
import type { Handler } from '../state';
import { withLoggedRequests } from './safely';

export const schemaRequestsHandler: Handler = (state) => {
  const { schemas } = state;
  const connection = withLoggedRequests(state); // a failing request is logged in the output channel
  connection.onRequest(SchemaRequests.info, (params: { uri: string }): SchemaInfo => describe(schemas.appliedTo(params.uri)));

  connection.onRequest(SchemaRequests.templates, (params: { uri?: string; folderUri?: string }): TemplateChoice[] => {
    const { schema } = params.uri ? schemas.appliedTo(params.uri) : schemas.appliedToFolder(params.folderUri);
    return templatesOf(schema).map((template) => ({
      name: template.name,
      description: localised(template.description) || undefined,
      text: templateText(schema, template),
      snippet: templateText(schema, template, { snippet: true }),
    }));
  });

  connection.onRequest(SchemaRequests.starter, () => ({ text: starterSchemaText() }));
  connection.onRequest(SchemaRequests.builtIn, () => ({ text: schemaToText(DEFAULT_SCHEMA_DATA) }));

  connection.onRequest(SchemaRequests.infer, async (params: { folderUri: string }): Promise<InferredSchemaText> => {
    const folder = uriToPath(params.folderUri);
    if (folder === undefined) throw new Error(l10n.t('Schemas can only be inferred from a folder on disk.'));
    // The files Check Workspace reads: found by the same walk, with the same detectByContent setting.
    const { text, files, records, suspects } = await inferSchemaFromFolderAsync(state.host.files, folder, { detectByContent: state.settings().detectByContent });
    return { text, files, records, suspects: suspects.map(({ text, field, reason, count, places }) => ({ text, field, reason, count, places })) };
  });
};

function describe(applied: AppliedSchema): SchemaInfo {
  const errors = applied.problems.filter((p) => p.severity === 1);
  const warnings = applied.problems.length - errors.length;
  if (applied.source.kind === 'default') return { kind: 'default', label: 'Built-in schema', errors: 0, warnings: 0 };
  const path = applied.source.path;
  const parts = path.split('/');
  const name = parts[parts.length - 1];
  const folder = parts[parts.length - 2];
  return {
    kind: 'file',
    uri: pathToUri(path),
    label: folder ? `${name} (${folder})` : name,
    errors: errors.length,
    warnings,
    fallback: applied.fallback,
    firstError: errors[0] ? messageText(errors[0].message).split('\n')[0] : undefined,
  };
}

function messageText(message: string | { value: string }): string {
  return typeof message === 'string' ? message : message.value;
}
