/**
 * The browser build's URIs as paths (server/src/files/uri.browser.ts): any scheme a virtual workspace uses becomes a
 * `/`-separated path the schema discovery and the workspace walk work on, and comes back spelt exactly as VS Code
 * spells the URI (so an open document and its indexed file are one entry).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { URI } from 'vscode-uri';
import { parentFolder, rootOf } from '../../server/src/core/schema/discover';
import { pathToUri, uriToPath } from '../../server/src/files/uri.browser';

describe('URIs of any scheme as paths (browser build)', () => {
  const uris = [
    'vscode-vfs://github/team/records/harvest/a.fragment',
    'vscode-remote://127.0.0.1:8080/home/officer/records/b.fragment',
    'file:///home/officer/records/c.fragment',
    URI.from({ scheme: 'vscode-vfs', authority: 'github', path: '/team/records/Récolte 2024/#1 d.fragment' }).toString(),
  ];

  it('round-trips, spelt as VS Code spells the URI', () => {
    for (const uri of uris) assert.equal(pathToUri(uriToPath(uri)!), uri);
  });

  it('gives paths whose folders stop at the workspace folder of the same scheme and authority', () => {
    const path = uriToPath('vscode-vfs://github/team/records/harvest/a.fragment')!;
    assert.equal(path, '/vscode-vfs:github/team/records/harvest/a.fragment');
    assert.equal(parentFolder(path), '/vscode-vfs:github/team/records/harvest');
    const roots = ['vscode-vfs://github/team/records', 'vscode-vfs://github/team/other'].map((uri) => uriToPath(uri)!);
    assert.equal(rootOf(path, roots), '/vscode-vfs:github/team/records');
    assert.equal(rootOf(uriToPath('vscode-vfs://gitlab/team/records/a.fragment')!, roots), undefined);
  });

  it('gives no path to an unsaved document', () => {
    assert.equal(uriToPath('untitled:Untitled-1'), undefined);
  });
});
