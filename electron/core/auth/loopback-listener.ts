import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../contract';
import { matchesRedirectUri } from './redirect';

export interface LoopbackRedirect {
  /** The port actually listened on (the redirect URI's, or the injected one). */
  port: number;
  /** Resolves with the redirect URL (as the redirect URI spelled it, query intact) at the first request on its path. */
  redirect: Promise<string>;
  close(): Promise<void>;
}

export interface LoopbackOptions {
  redirectUri: string;
  /** Defaults to the redirect URI's port; tests pass 0. */
  port?: number;
  signal: AbortSignal;
}

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
};

/**
 * The system-browser login's catcher: a one-shot HTTP listener on 127.0.0.1 (and ::1 when the redirect URI
 * says localhost) that answers the redirect with a small "return to Budgetly" page and then closes.
 * Other paths get a 404 and do not end the wait.
 */
export async function listenForRedirect(options: LoopbackOptions): Promise<LoopbackRedirect> {
  const expected = new URL(options.redirectUri);
  if (expected.protocol !== 'http:') throw new AppError('INTERNAL', 'The browser sign-in needs an http://localhost redirect address.');
  const wantedPort = options.port ?? Number(expected.port || 80);
  let settle!: { resolve: (url: string) => void; reject: (error: unknown) => void };
  const redirect = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  redirect.catch(() => undefined);

  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const candidate = new URL(request.url ?? '/', expected.origin).toString();
    if (request.method !== 'GET' || !matchesRedirectUri(candidate, options.redirectUri)) {
      response.writeHead(404, PAGE_HEADERS).end(page('Not found', 'This address is only used by Budgetly’s sign-in.'));
      return;
    }
    const failed = new URL(candidate).searchParams.has('error');
    response.writeHead(200, PAGE_HEADERS).end(
      failed
        ? page('Sign-in not completed', 'You can close this tab and return to Budgetly.')
        : page('You are signed in', 'You can return to Budgetly. This tab can be closed.'),
    );
    settle.resolve(candidate);
    void close();
  };

  const servers: Server[] = [await listen(handler, '127.0.0.1', wantedPort)];
  const port = (servers[0]!.address() as AddressInfo).port;
  if (expected.hostname === 'localhost') {
    // Browsers may resolve localhost to ::1 first; best effort, IPv6 may be off.
    await listen(handler, '::1', port).then((server) => servers.push(server), () => undefined);
  }

  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= Promise.all(servers.map((server) => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }))).then(() => undefined));

  const onAbort = () => {
    settle.reject(options.signal.reason ?? new AppError('CANCELLED', 'Sign-in cancelled.'));
    void close();
  };
  if (options.signal.aborted) onAbort();
  else options.signal.addEventListener('abort', onAbort, { once: true });
  void redirect.finally(() => options.signal.removeEventListener('abort', onAbort)).catch(() => undefined);

  return { port, redirect, close };
}

function listen(handler: (request: IncomingMessage, response: ServerResponse) => void, host: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(handler);
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new AppError('LOGIN_FAILED', `Port ${port} on this computer is busy, so the browser sign-in cannot receive its answer. Close the program using it, or sign in with the login window.`)
          : error,
      );
    });
    server.listen(port, host, () => resolve(server));
  });
}

function page(title: string, text: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} – Budgetly</title>
<style>body{font:16px system-ui,sans-serif;display:grid;place-items:center;min-height:90vh;color:#1d2733}main{text-align:center}</style></head>
<body><main><h1>${title}</h1><p>${text}</p></main></body></html>`;
}
