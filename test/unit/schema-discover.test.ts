/** Which schema file applies: nearest folder first, not above the workspace, the setting first of all. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { discoverSchemaPath, explicitSchemaPath, normalizePath, schemaSearchFolders } from '../../server/src/core/schema/team';
import { nodeFilesSync } from '../../server/src/host/node';
import { SchemaFiles, type SchemaOptions } from '../../server/src/schemas/files';

const schemaOnDisk = (file: string, options: SchemaOptions & { files?: SchemaFiles }) => (options.files ?? SchemaFiles.onDisk(nodeFilesSync)).forFile(file, options);

describe('finding the schema file (pure)', () => {
  const existing = new Set(['/w/fragment.schema.json', '/w/team-a/fragment.schema.json', '/fragment.schema.json']);
  const exists = (path: string) => existing.has(path);

  it('takes the nearest one in the file folder or a parent', () => {
    assert.equal(discoverSchemaPath('/w/team-a/2024/x.fragment', { workspaceRoots: ['/w'], exists }), '/w/team-a/fragment.schema.json');
    assert.equal(discoverSchemaPath('/w/team-b/x.fragment', { workspaceRoots: ['/w'], exists }), '/w/fragment.schema.json');
  });

  it('does not look above the workspace folder that holds the file', () => {
    assert.equal(discoverSchemaPath('/w/team-b/x.fragment', { workspaceRoots: ['/w/team-b'], exists }), undefined);
    assert.deepEqual(schemaSearchFolders('/w/a/b/x.fragment', ['/w', '/w/a']), ['/w/a/b', '/w/a']);
  });

  it('walks to the top for a file outside every workspace folder', () => {
    assert.equal(discoverSchemaPath('/elsewhere/x.fragment', { workspaceRoots: ['/w'], exists }), '/fragment.schema.json');
  });

  it('reads Windows paths', () => {
    assert.equal(normalizePath('C:\\w\\a\\..\\b'), 'C:/w/b');
    assert.deepEqual(schemaSearchFolders('C:\\w\\a\\x.fragment', ['C:\\w']), ['C:/w/a', 'C:/w']);
  });

  it('resolves the setting against the workspace folder of the file', () => {
    assert.equal(explicitSchemaPath('schemas/ours.json', '/w/a/x.fragment', ['/v', '/w']), '/w/schemas/ours.json');
    assert.equal(explicitSchemaPath('/abs/ours.json', undefined, []), '/abs/ours.json');
    assert.equal(explicitSchemaPath('  ', '/w/x', ['/w']), undefined);
  });
});

describe('resolving on disk', () => {
  const root = normalizePath(mkdtempSync(join(tmpdir(), 'schema-discover-')));
  after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'team-a', 'deep'), { recursive: true });
  mkdirSync(join(root, 'broken'), { recursive: true });
  writeFileSync(join(root, 'fragment.schema.json'), '{ "extends": "default", "description": "root" }');
  writeFileSync(join(root, 'team-a', 'fragment.schema.json'), '{ "extends": "default", "description": "team a" }');
  writeFileSync(join(root, 'broken', 'fragment.schema.json'), '{ "extends": ');

  it('gives each file its nearest schema, and the default without one', () => {
    const files = SchemaFiles.onDisk(nodeFilesSync);
    const options = { workspaceRoots: [root], files };
    assert.equal(schemaOnDisk(`${root}/team-a/deep/x.fragment`, options).schema.description, 'team a');
    assert.equal(schemaOnDisk(`${root}/other/x.fragment`, options).schema.description, 'root');
    const outside = schemaOnDisk(`${root}/team-a/x.fragment`, { workspaceRoots: [`${root}/team-a/deep`] });
    assert.equal(outside.schema.description, 'team a', 'a file outside the workspace folders still finds its own folder');
  });

  it('falls back to the default for a broken file and says why', () => {
    const resolved = schemaOnDisk(`${root}/broken/x.fragment`, { workspaceRoots: [root] });
    assert.deepEqual(resolved.source, { kind: 'file', path: `${root}/broken/fragment.schema.json` });
    assert.equal(resolved.fallback, 'default');
    assert.match(String(resolved.schema.description), /Built-in default/);
    assert.ok(resolved.problems.length > 0);
  });

  it('keeps the last good version when a file breaks', () => {
    let text = '{ "extends": "default", "description": "good" }';
    const files = new SchemaFiles(() => ({ ok: true, text }), () => true);
    assert.equal(files.forFile('/w/x.fragment', { workspaceRoots: ['/w'] }).schema.description, 'good');
    text = '{ "extends": "default", "description": ';
    files.invalidate('/w/fragment.schema.json');
    const resolved = files.forFile('/w/x.fragment', { workspaceRoots: ['/w'] });
    assert.equal(resolved.fallback, 'last-good');
    assert.equal(resolved.schema.description, 'good');
  });

  it('reports a missing schema named by the setting', () => {
    const resolved = schemaOnDisk(`${root}/x.fragment`, { workspaceRoots: [root], explicitPath: 'nowhere.json' });
    assert.equal(resolved.fallback, 'default');
    assert.match(String(resolved.problems[0].message), /does not exist/);
  });

  it('uses the setting before any nearer file', () => {
    const resolved = schemaOnDisk(`${root}/team-a/x.fragment`, { workspaceRoots: [root], explicitPath: 'fragment.schema.json' });
    assert.equal(resolved.schema.description, 'root');
  });
});
