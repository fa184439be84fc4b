/** dist/browser/server.js: the browser build's language server in a Worker of its own, talking over the worker's port. */
import { startBrowserServer, type ServerPort } from './start';

startBrowserServer(globalThis as unknown as ServerPort);
