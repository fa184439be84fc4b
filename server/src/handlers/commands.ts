/**
 * workspace/executeCommand `fragments.server.sortFields` with the document URI as argument: sorts the fields of every
 * record in schema order, applies the edit through workspace/applyEdit and returns it.
 */
import * as l10n from '@vscode/l10n';
import type { WorkspaceEdit } from 'vscode-languageserver/node';
import { SORT_FIELDS_COMMAND, sortFieldsEdits } from '../core/features/sort-fields';
import { directed } from '../core/l10n';
import type { Handler } from '../state';
import { documentView } from './document-view';
import { answerSafelyAsync } from './safely';

export const commandsHandler: Handler = (services) => {
  services.connection.onExecuteCommand((params) =>
    answerSafelyAsync(services, 'command', async () => {
      if (params.command !== SORT_FIELDS_COMMAND) return null;
      const uri = typeof params.arguments?.[0] === 'string' ? params.arguments[0] : undefined;
      const document = uri ? services.documents.get(uri) : undefined;
      if (!document) return null;
      const { schema, parsed, truncated } = documentView(services, document);
      const edits = truncated ? [] : sortFieldsEdits(parsed, schema); // over the size limit: off
      if (edits.length === 0) return null;
      const edit: WorkspaceEdit = { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
      await services.connection.workspace.applyEdit({ label: directed(l10n.t('Sort fields in schema order')), edit });
      return edit;
    }),
  );
};
