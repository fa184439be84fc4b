/**
 * Answers the browser build's server when it reads a file (server/src/host/client-files-protocol.ts): through
 * `vscode.workspace.fs`, so any file system the editor has works, a GitHub repository in github.dev included. Never
 * more than the limit the server asks for: a larger file is refused before it is read.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  READ_DIRECTORY_REQUEST,
  READ_FILE_REQUEST,
  STAT_REQUEST,
  WRITE_FILE_REQUEST,
  type ClientFileStat,
  type ReadDirectoryResult,
  type ReadFileParams,
  type ReadFileResult,
  type StatParams,
  type WriteFileParams,
  type WriteFileResult,
} from '../../../server/src/host/client-files-protocol';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000; // String.fromCharCode takes its arguments on the stack
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

function failure(error: unknown): ReadFileResult {
  if (error instanceof vscode.FileSystemError) {
    if (error.code === 'FileNotFound') return { ok: false, reason: l10n.t('does not exist'), missing: true };
    if (error.code === 'NoPermissions') return { ok: false, reason: l10n.t('cannot be read (permission denied)') };
    if (error.code === 'FileIsADirectory') return { ok: false, reason: l10n.t('is a folder, not a file') };
  }
  return { ok: false, reason: l10n.t('cannot be read ({0})', error instanceof Error ? error.message : String(error)) };
}

export function answerFileRequests(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(STAT_REQUEST, async ({ uri }: StatParams): Promise<ClientFileStat | null> => {
      try {
        const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(uri, true));
        return { type: stat.type, size: stat.size };
      } catch {
        return null;
      }
    }),
    client.onRequest(READ_DIRECTORY_REQUEST, async ({ uri }: StatParams): Promise<ReadDirectoryResult> => {
      try {
        return await vscode.workspace.fs.readDirectory(vscode.Uri.parse(uri, true));
      } catch {
        return null;
      }
    }),
    client.onRequest(READ_FILE_REQUEST, async ({ uri, limit }: ReadFileParams): Promise<ReadFileResult> => {
      try {
        const target = vscode.Uri.parse(uri, true);
        const stat = await vscode.workspace.fs.stat(target);
        if ((stat.type & vscode.FileType.File) === 0) return { ok: false, reason: l10n.t('is not a regular file, so it was not read') };
        if (stat.size > limit) return { ok: false, reason: l10n.t('is larger than the limit, so it was not read') };
        const bytes = await vscode.workspace.fs.readFile(target);
        // It may have grown between the two calls: never more than the limit.
        if (bytes.length > limit) return { ok: false, reason: l10n.t('is larger than the limit, so it was not read') };
        return { ok: true, base64: toBase64(bytes) };
      } catch (error) {
        return failure(error);
      }
    }),
    client.onRequest(WRITE_FILE_REQUEST, async ({ uri, text }: WriteFileParams): Promise<WriteFileResult> => {
      try {
        await vscode.workspace.fs.writeFile(vscode.Uri.parse(uri, true), new TextEncoder().encode(text));
        return null;
      } catch (error) {
        return { reason: error instanceof Error ? error.message : String(error) };
      }
    }),
  ];
}
