/**
 * `--format sarif`: SARIF 2.1.0, the format code-scanning services (GitHub, Azure DevOps) read. Columns are UTF-16
 * code units, as in LSP; `endColumn` is the column after the last character, as SARIF defines it.
 */
import * as l10n from '@vscode/l10n';
import type { DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import { describeDuplicateIds, RULES, ruleDocsHref, type DiagnosticCode, type FragmentDiagnostic, type ReviewEntry } from '../../core';
import { UNSTRUCTURED_RULE } from '../../core/rules';
import { severityName, type FormatContext, type Formatter } from './format';

const LEVELS = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;
const ROOT = 'SRCROOT';

/** What a code looks for, in the person's language: each rule says so itself; three codes come from outside the rules. */
function describeCode(code: DiagnosticCode): string {
  const rule = [...RULES, UNSTRUCTURED_RULE].find((r) => r.code === code);
  if (rule) return rule.describe();
  if (code === 'duplicate-id') return describeDuplicateIds();
  if (code === 'too-many-problems') return l10n.t('A file has so many problems that only the first ones are listed.');
  if (code === 'file-too-large') return l10n.t('A file too large to check whole: only its first part is checked.');
  return code;
}

function region(range: FragmentDiagnostic['range']) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function artifact(uri: string, context: FormatContext) {
  return uri.startsWith(context.rootUri) ? { uri: context.labelOf(uri), uriBaseId: ROOT } : { uri };
}

/** An accepted finding, as SARIF says it: suppressed outside the record, by the review file, with who and why. */
function suppression(entry: ReviewEntry) {
  const justification = [entry.reason, entry.acceptedBy && `(accepted by ${entry.acceptedBy})`].filter(Boolean).join(' ');
  return { kind: 'external', status: 'accepted', ...(justification ? { justification } : {}) };
}

export const sarif: Formatter = (files, context) => {
  // Accepted findings are results too, marked as suppressed: code scanning lists them as dismissed, with the reason.
  const all = files.map((file) => ({
    file,
    findings: [
      ...file.diagnostics.map((diagnostic) => ({ diagnostic, entry: undefined as ReviewEntry | undefined })),
      ...(file.accepted ?? []).map(({ diagnostic, entry }) => ({ diagnostic, entry: entry as ReviewEntry | undefined })),
    ].sort((a, b) => a.diagnostic.range.start.line - b.diagnostic.range.start.line || a.diagnostic.range.start.character - b.diagnostic.range.start.character),
  }));
  const used = [...new Set(all.flatMap(({ findings }) => findings.map(({ diagnostic }) => diagnostic.code)))].sort();
  const results = all.flatMap(({ file, findings }) =>
    findings.map(({ diagnostic: d, entry }) => ({
      ruleId: d.code,
      ruleIndex: used.indexOf(d.code),
      level: LEVELS[severityName(d)],
      message: { text: d.message },
      locations: [{ physicalLocation: { artifactLocation: artifact(file.uri, context), region: region(d.range) } }],
      ...(d.relatedInformation?.length
        ? {
            relatedLocations: d.relatedInformation.map((info: DiagnosticRelatedInformation, id: number) => ({
              id,
              message: { text: info.message },
              physicalLocation: { artifactLocation: artifact(info.location.uri, context), region: region(info.location.range) },
            })),
          }
        : {}),
      ...(entry ? { suppressions: [suppression(entry)] } : {}),
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'fragment-lint',
            version: context.version,
            // helpUri: the rule's page shipped beside dist/, the same link the editor's diagnostics carry.
            rules: used.map((code) => ({ id: code, shortDescription: { text: describeCode(code) }, helpUri: ruleDocsHref(code) })),
          },
        },
        originalUriBaseIds: { [ROOT]: { uri: context.rootUri } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
};
