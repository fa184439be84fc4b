/**
 * The launcher (dist/server.js) and the server (dist/server-main.js) are two bundles run in one process. The server
 * says it is initialized with this process event, so the launcher knows that a start through the code cache went
 * well (see launcher.ts).
 */
export const SERVER_READY_EVENT = 'fragment-language-server:ready';

export function announceServerReady(): void {
  (process as NodeJS.EventEmitter).emit(SERVER_READY_EVENT);
}

export function onServerReady(listener: () => void): void {
  (process as NodeJS.EventEmitter).once(SERVER_READY_EVENT, listener);
}
