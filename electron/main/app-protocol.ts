import { net, protocol } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rendererFileHeaders } from '../core/app/renderer-file-headers';

/**
 * Must run before `app.ready`: app:// is a standard, secure scheme (fetch and CSP 'self' work). `codeCache` (issue #19,
 * cold start): V8 keeps the compiled code of the window's scripts between starts, as Chromium does for http(s), so a
 * start after the first does not compile the start-up bundle again (Electron ≥ 28; needs `standard`). No new
 * capability for the page: the cache is Chromium's own, in the user-data folder, keyed by the app:// origin.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves the built renderer at app://budgetly/…, refusing anything outside its folder. */
export function serveRenderer(rendererDir: string): void {
  const root = normalize(rendererDir);
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'budgetly') return new Response('Not found', { status: 404 });
    const path = decodeURIComponent(url.pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root + sep)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(rendererFileHeaders(file))) headers.set(name, value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  });
}
