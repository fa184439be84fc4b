/**
 * Node flags for the server process, used by the VS Code client, the `fragment-language-server` bin's shebang and
 * the benchmark alike. A smaller young generation: a language server lives long and allocates in short bursts, and
 * V8's default 16 MB semi-spaces keep tens of MB of garbage resident between keystrokes (measured: 102 MB → 83 MB
 * RSS with 1,000 open records). The flag must be given at start: V8 sizes the heap before any code runs.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4'];
