/**
 * A host with no disk and no real time (server/src/host/host.ts): files held in a map, and a clock the test moves
 * by hand. Drives the server state as a browser host would, and shows that nothing reads past the host.
 */
import { decodeText } from '../../server/src/files/decode';
import type { FileKind, FolderEntry, Host, TextFileResult } from '../../server/src/host/host';

const kind = (file: boolean): FileKind => ({
  isFile: () => file,
  isDirectory: () => !file,
  isSymbolicLink: () => false,
  isFIFO: () => false,
  isCharacterDevice: () => false,
  isBlockDevice: () => false,
  isSocket: () => false,
});

export interface MemoryHost extends Host {
  /** Absolute `/` paths and their text; folders are implied by the paths. */
  readonly disk: Map<string, string>;
  /** Runs what is due by `milliseconds` from now (and what runs "soon"), in time order. */
  advance(milliseconds: number): void;
  /** Runs what is waiting to run "soon" (between messages, in Node) until nothing is. */
  settle(): Promise<void>;
}

export function memoryHost(files: Record<string, string> = {}): MemoryHost {
  const disk = new Map(Object.entries(files));
  let now = 0;
  let nextId = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  const soon: (() => void)[] = [];
  const isFolder = (path: string) => [...disk.keys()].some((file) => file.startsWith(path.endsWith('/') ? path : `${path}/`));
  const stat = (path: string) => (disk.has(path) ? kind(true) : isFolder(path) ? kind(false) : undefined);
  const readFolder = (path: string): FolderEntry[] | undefined => {
    if (!isFolder(path)) return undefined;
    const prefix = path.endsWith('/') ? path : `${path}/`;
    const names = new Set([...disk.keys()].filter((file) => file.startsWith(prefix)).map((file) => file.slice(prefix.length).split('/')[0]));
    return [...names].map((name) => ({ name, ...kind(disk.has(prefix + name)) }));
  };
  const readText = (path: string, limit: number): TextFileResult => {
    const text = disk.get(path);
    if (text === undefined) return { ok: false, reason: 'does not exist', missing: true };
    const bytes = new TextEncoder().encode(text);
    return bytes.length > limit ? { ok: false, reason: `is larger than ${limit} bytes, so it was not read` } : decodeText(bytes);
  };
  const readHead = (path: string, bytes: number) => {
    const text = disk.get(path);
    return text === undefined ? undefined : new TextEncoder().encode(text).subarray(0, bytes);
  };
  const realPath = (path: string) => (stat(path) ? path : undefined);
  const runSoon = () => {
    while (soon.length > 0) soon.shift()!();
  };
  return {
    disk,
    files: {
      realPath: async (path) => realPath(path),
      stat: async (path) => stat(path),
      readFolder: async (path) => readFolder(path),
      readHead: async (path, bytes) => readHead(path, bytes),
      readText: async (path, limit) => readText(path, limit),
      writeText: async (path, text) => void disk.set(path, text),
    },
    filesSync: { realPath, stat, readFolder, readHead, readText },
    clock: {
      setTimeout: (run, milliseconds) => {
        timers.set(++nextId, { at: now + milliseconds, run });
        return nextId;
      },
      clearTimeout: (timer) => void timers.delete(timer as number),
      soon: (run) => void soon.push(run),
    },
    advance(milliseconds) {
      const until = now + milliseconds;
      for (;;) {
        runSoon();
        const due = [...timers].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].run();
      }
      now = until;
    },
    async settle() {
      // Work waits on promises (the settings, the disk) between its steps: let those run, then what they queued.
      for (let round = 0; round < 50; round++) {
        await new Promise((resolve) => setImmediate(resolve));
        if (soon.length === 0) continue;
        runSoon();
      }
    },
  };
}
