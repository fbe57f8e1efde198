import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../contract';
import { matchesRedirectUri } from './redirect';

export interface LoopbackRedirect {
  /** The port actually listened on (the redirect URI's, or the injected one). */
  port: number;
  /** Resolves with the redirect URL (as the redirect URI spelled it, query intact) at the first request on its path carrying `state`. */
  redirect: Promise<string>;
  close(): Promise<void>;
}

export interface LoopbackOptions {
  redirectUri: string;
  /** Defaults to the redirect URI's port; tests pass 0. */
  port?: number;
  /**
   * The attempt's `state`: a request on the redirect path with another (or no) state is answered with a
   * "not this sign-in" page and ignored, so a page or program guessing the port cannot end the attempt.
   */
  state: string;
  signal: AbortSignal;
}

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
};

/**
 * The system-browser login's catcher: a one-shot HTTP listener on 127.0.0.1 (RFC 8252 §8.3), and on ::1 too when
 * the redirect URI says localhost (browsers may resolve it there first), that answers the redirect with a small
 * "return to Budgetly" page and then closes. Other paths, and the redirect path with the wrong state, do not end
 * the wait. If another program holds the port on either address the sign-in fails at once: it could receive the
 * answer instead of Budgetly.
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
    if (new URL(candidate).searchParams.get('state') !== options.state) {
      response.writeHead(400, PAGE_HEADERS).end(page('Not this sign-in', 'This answer does not belong to the sign-in Budgetly is waiting for. Return to Budgetly.'));
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
    // Browsers may resolve localhost to ::1 first. IPv6 switched off is fine (nothing can be reached there);
    // the port taken there by another program is not.
    try {
      servers.push(await listen(handler, '::1', port));
    } catch (error) {
      if (!(error instanceof AppError)) {
        // EADDRNOTAVAIL / EAFNOSUPPORT: no IPv6 loopback on this computer.
      } else {
        await new Promise<void>((resolve) => servers[0]!.close(() => resolve()));
        throw error;
      }
    }
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
