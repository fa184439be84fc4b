/**
 * `tsx scripts/bench/outline-cpu.ts [--rounds=20] [--server=other/dist/server.js]`: the outline (documentSymbol) of
 * our server beside yaml-language-server on the side-by-side's matched documents (100 records, 1 MB, 4 MB), in the
 * servers' own CPU time per request, which a machine shared with other jobs moves much less than wall time.
 *
 * All servers run at once and take turns, round by round (an edit, its diagnostics, then the outline, as VS Code asks
 * once per version; then the outline asked again on that version), so a busy moment falls on each of them alike.
 * CPU time is read from /proc (clock ticks of 10 ms), summed over the rounds and divided: Linux only.
 * `--server=` adds another build of ours (for example the previous commit's) as a third column.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { getDefaultSchema } from '../../server/src/core';
import type { TestClient } from '../../test/support/lsp-client';
import { percentile, table } from './report';
import { plantedDocument, recordsJsonSchema, recordsForMegabytes } from './yaml-equivalent';
import { ourSide, yamlSide, type Side } from './yaml-side-by-side';

const ROUNDS = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice('--rounds='.length) ?? 20);
const OTHER = process.argv.find((a) => a.startsWith('--server='))?.slice('--server='.length);
const TIMEOUT_MS = 180_000;
const TICK_MS = 10; // USER_HZ is 100 on Linux

/** The process's CPU time so far (user and system), in ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

interface Running {
  name: string;
  side: Side;
  client: TestClient;
  uri: string;
  text: string;
  version: number;
  edited: { cpu: number; wall: number[] };
  again: { cpu: number; wall: number[] };
}

async function outline(server: Running, into: { cpu: number; wall: number[] }): Promise<void> {
  const pid = server.client.process.pid!;
  const cpu = cpuMs(pid);
  const began = performance.now();
  await server.client.request<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri: server.uri } });
  into.wall.push(performance.now() - began);
  into.cpu += cpuMs(pid) - cpu;
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'fragment-bench-outline-'));
  const schemaFile = join(folder, 'fragment-records.schema.json');
  writeFileSync(schemaFile, JSON.stringify(recordsJsonSchema(getDefaultSchema()), null, 2));
  const sides: [string, Side][] = [['ours', ourSide(join(folder, 'cache'))], ['yaml-language-server', yamlSide(schemaFile)]];
  if (OTHER) sides.push([`ours, ${OTHER}`, ourSide(join(folder, 'cache-other'), OTHER)]);
  const rows: (string | number)[][] = [];
  try {
    for (const [label, count] of [['100 records', 100], ['1 MB', recordsForMegabytes(1)], ['4 MB', recordsForMegabytes(4)]] as const) {
      const fragment = plantedDocument(count);
      const servers: Running[] = [];
      for (const [name, side] of sides) {
        const client = await side.launch();
        await side.ready(client);
        const uri = `file:///bench/outline-${count}.${side.extension}`;
        const text = side.document(fragment);
        const opened = side.diagnostics(client, uri, 1, TIMEOUT_MS);
        client.open(uri, text, side.languageId);
        await opened;
        const server: Running = { name, side, client, uri, text, version: 1, edited: { cpu: 0, wall: [] }, again: { cpu: 0, wall: [] } };
        await outline(server, { cpu: 0, wall: [] }); // the first outline of the file is not what is measured
        servers.push(server);
      }
      for (let round = 0; round < ROUNDS; round++) {
        for (const server of servers) {
          // Typing in the first record's Outcome description, as the side-by-side does.
          const at = server.side.valueStart(server.text, 'Outcome description');
          const character = at.character + (server.side.quoted ? 1 : 0) + 1 + round;
          const version = ++server.version;
          const published = server.side.diagnostics(server.client, server.uri, version, TIMEOUT_MS);
          server.client.change(server.uri, version, [{ range: { start: { line: at.line, character }, end: { line: at.line, character } }, text: 'x' }]);
          await published;
          await outline(server, server.edited);
          await outline(server, server.again);
        }
      }
      const yaml = servers.find((server) => server.side.extension === 'yaml')!;
      const ratio = (cpu: number, theirs: number) => (theirs > 0 ? ` (${(cpu / theirs).toFixed(2)})` : '');
      for (const server of servers) {
        const { edited, again } = server;
        rows.push([`${label}: ${server.name}`, `${(edited.cpu / ROUNDS).toFixed(1)}${ratio(edited.cpu, yaml.edited.cpu)}`, percentile(edited.wall, 50).toFixed(1), `${(again.cpu / ROUNDS).toFixed(1)}${ratio(again.cpu, yaml.again.cpu)}`, percentile(again.wall, 50).toFixed(1)]);
        await server.client.shutdown().catch(() => server.client.process.kill());
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  table(`Outline, server CPU per request over ${ROUNDS} rounds (ms)`, ['document: server', 'after an edit: CPU (/ theirs)', 'wall p50', 'asked again, same version: CPU (/ theirs)', 'wall p50'], rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
