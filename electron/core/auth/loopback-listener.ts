import { englishMessage } from '../../contract/i18n/spoken-messages';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../contract';
import { namespaces, type CatalogueT } from '../../contract/i18n/catalogue';
import { createI18n } from '../../contract/i18n/create-i18n';
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
  /** The words of the browser's "return to Budgetly" pages, in the user's language (English when not given). */
  words?: PageWords;
}

/** What the pages need of the core's words (`CoreWords`): read when a page is answered, so a language change applies. */
export interface PageWords {
  readonly t: CatalogueT;
  language(): string;
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
  // never-user-facing: the redirect address is Budgetly's own (built in, http://localhost:port), so only a broken build reaches this.
  if (expected.protocol !== 'http:') throw new AppError('INTERNAL', 'The browser sign-in needs an http://localhost redirect address.');
  const wantedPort = options.port ?? Number(expected.port || 80);
  let settle!: { resolve: (url: string) => void; reject: (error: unknown) => void };
  const redirect = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  redirect.catch(() => undefined);

  const page = pageIn(options.words);
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const candidate = new URL(request.url ?? '/', expected.origin).toString();
    if (request.method !== 'GET' || !matchesRedirectUri(candidate, options.redirectUri)) {
      response.writeHead(404, PAGE_HEADERS).end(page('browserPageNotFoundTitle', 'browserPageNotFound'));
      return;
    }
    if (new URL(candidate).searchParams.get('state') !== options.state) {
      response.writeHead(400, PAGE_HEADERS).end(page('browserPageOtherTitle', 'browserPageOther'));
      return;
    }
    const failed = new URL(candidate).searchParams.has('error');
    response.writeHead(200, PAGE_HEADERS).end(
      failed
        ? page('browserPageFailedTitle', 'browserPageFailed')
        : page('browserPageDoneTitle', 'browserPageDone'),
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
    settle.reject(options.signal.reason ?? new AppError('CANCELLED', englishMessage('loginCancelled')));
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
          ? new AppError('LOGIN_FAILED', englishMessage('loginPortBusy', { port: String(port) }))
          : error,
      );
    });
    server.listen(port, host, () => resolve(server));
  });
}

type PageKey = 'browserPageNotFound' | 'browserPageOther' | 'browserPageFailed' | 'browserPageDone';

/** A small page in the user's language; the words are the catalogue's, escaped for HTML all the same. */
function pageIn(words: PageWords | undefined): (title: `${PageKey}Title`, text: PageKey) => string {
  return (title, text) => {
    const t = words?.t ?? englishT();
    const lang = words?.language() ?? 'en';
    const heading = escapeHtml(t(title));
    return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${heading} – Budgetly</title>
<style>body{font:16px system-ui,sans-serif;display:grid;place-items:center;min-height:90vh;color:#1d2733}main{text-align:center}</style></head>
<body><main><h1>${heading}</h1><p>${escapeHtml(t(text))}</p></main></body></html>`;
  };
}

let english: CatalogueT | undefined;
function englishT(): CatalogueT {
  english ??= createI18n('en').getFixedT('en', namespaces);
  return english;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
