import { Connection, OAuth2, type HttpRequest, type HttpRequestOptions, type HttpResponse, type TokenResponse } from 'jsforce';
import { HttpApi } from 'jsforce/lib/http-api.js';

/**
 * Everything Budgetly does with jsforce goes through this file: the OAuth client (sign-in, refresh,
 * revoke), the REST connection, and the three places where jsforce has no public hook and its private
 * `_transport` is replaced or wrapped (the OAuth client's transport, the connection's transport, and a
 * transport a caller passes to `conn.request`). No request goes through jsforce's own transport. A jsforce upgrade is checked here.
 *
 * A thin seam: no policy lives here. Limits, session renewal, host checks and error mapping stay in the
 * core above it (http-limits.ts, session-renewal.ts, session-manager.ts, oauth-client.ts).
 */

export type { HttpRequest, HttpRequestOptions, HttpResponse, TokenResponse };
/** An authenticated REST connection (query, describe, request). */
export type SalesforceConnection = Connection;
/** The OAuth 2.0 client of one login host (authorize URL, code exchange, refresh, revoke). */
export type SalesforceOAuthClient = OAuth2;
/** jsforce's transport: one `httpRequest` whose promise also offers the answer's `stream()`. */
export type Transport = Connection['_transport'];
export type TransportAnswer = ReturnType<Transport['httpRequest']>;
/** A transport of Budgetly's own (fetch-transport.ts) as jsforce takes it. */
export interface TransportLike {
  httpRequest(request: HttpRequest, options?: HttpRequestOptions): Promise<HttpResponse> & { stream(): unknown };
}

/** The OAuth client, sending its token/refresh/revoke requests through `transport` (jsforce has no option for it). */
export function createOAuthClient(
  config: { loginUrl: string; clientId: string; clientSecret?: string; redirectUri: string },
  transport: TransportLike,
): SalesforceOAuthClient {
  const oauth2 = new OAuth2({ loginUrl: config.loginUrl, clientId: config.clientId, clientSecret: config.clientSecret, redirectUri: config.redirectUri });
  oauth2._transport = transport as unknown as OAuth2['_transport'];
  return oauth2;
}

/**
 * A REST connection pinned to `version` (jsforce would default to 50.0) that sends through `transport`, never
 * through jsforce's own (whose dropped-body error escapes as an uncaught exception since 3.10.17: see
 * http-limits.ts). jsforce's own refresh is off (no OAuth client, no refreshFn): renewal is the core's,
 * installed with `wrapTransports`.
 */
export function createConnection(session: { instanceUrl: string; accessToken: string; version: string }, transport: TransportLike): SalesforceConnection {
  const conn = new Connection({ instanceUrl: session.instanceUrl, accessToken: session.accessToken, version: session.version });
  conn._transport = transport as unknown as Transport;
  return conn;
}

/**
 * Applies `wrap` to every transport the connection sends through: its own, and any a caller passes with
 * `conn.request(req, { transport })` (wrapped on a copy, so the caller's shared transport stays as it was).
 * `wrap` changes the transport it is given (its `httpRequest`) and returns it.
 */
export function wrapTransports(conn: SalesforceConnection, wrap: (transport: Transport) => Transport): void {
  transportWraps.set(conn, wrap);
  wrap(conn._transport);
  const request = conn.request.bind(conn);
  conn.request = ((req: Parameters<typeof request>[0], options?: { transport?: Transport }) =>
    request(req, options?.transport ? { ...options, transport: wrap(copyOf(options.transport)) } : options)) as typeof conn.request;
}

/** The `wrap` each connection's transports get (`wrapTransports`), for the requests `sendAsConnection` sends itself. */
const transportWraps = new WeakMap<object, (transport: Transport) => Transport>();

/**
 * Sends `request` (a path on the connection's instance: `/services/…`, or `/…` under the pinned API version) as
 * `conn.request(request, { transport })` would — the same URL, the session's bearer token, and the wrap of
 * `wrapTransports` around `transport` (the core's renewal on 401 and its API-usage observer) — but without jsforce's
 * request chain. Returns the raw answer (any status); `connectionAnswer` reads it as jsforce would. Null when `conn`
 * is not a connection wrapped here (e.g. a caller's own `request` in front of one: that caller goes through jsforce).
 *
 * What the chain costs that this leaves out, per request: a StreamPromise, a lazy stream (two PassThroughs piped
 * through the transport's and joined into a Duplex), the renewal wrapper's body stream — the whole answer (a 2,000-record
 * page is ~1 MB) written into a PassThrough nobody reads — two event emissions and the debug lines' strings. Measured
 * on the 50 pages of a 100k sync: BENCHMARKS.md, "Full sync 100k, session 13".
 */
export function sendAsConnection(conn: object, request: HttpRequest, transport: TransportLike): Promise<HttpResponse> | null {
  const wrap = transportWraps.get(conn);
  if (!wrap || !request.url.startsWith('/')) return null;
  const connection = conn as SalesforceConnection;
  // jsforce's Connection#_normalizeUrl for a path: under the instance, or under the version's base URL.
  const url = request.url.startsWith('/services/') ? `${connection.instanceUrl}${request.url}` : `${connection.instanceUrl}/services/data/v${connection.version}${request.url}`;
  // jsforce's HttpApi#beforeSend for a GET: the bearer token of the moment (no call options are set on our connections).
  const headers = { ...request.headers };
  if (connection.accessToken) headers.Authorization = `Bearer ${connection.accessToken}`;
  return wrap(copyOf(transport as unknown as Transport)).httpRequest({ ...request, url, headers }) as unknown as Promise<HttpResponse>;
}

/**
 * An answer of `sendAsConnection` as `conn.request` resolves or rejects with it: jsforce's own HttpApi reads it
 * (error answers → its errors, named after Salesforce's errorCode; 204, 300 and the content types it parses), but
 * for a successful JSON answer, parsed here — `JSON.parse`, or the text itself when it is not JSON, as jsforce does.
 */
export async function connectionAnswer<T>(conn: object, response: HttpResponse): Promise<T> {
  if (response.statusCode >= 200 && response.statusCode < 300 && response.statusCode !== 204 && JSON_TYPE.test(response.headers['content-type'] ?? '')) {
    try {
      return JSON.parse(response.body) as T;
    } catch {
      return response.body as T;
    }
  }
  const api = new HttpApi(conn as SalesforceConnection, {});
  if (api.isErrorResponse(response)) throw await api.getError(response);
  return (await api.getResponseBody(response)) as T;
}

/** The content types jsforce parses as JSON (http-api.js). */
const JSON_TYPE = /^application\/json(;|$)/;

/** One request through `transport` instead of the connection's own (public jsforce API). */
export function requestWith<T>(conn: Pick<SalesforceConnection, 'request'>, request: HttpRequest, transport: TransportLike): Promise<T> {
  return conn.request<T>(request, { transport: transport as unknown as Transport }) as Promise<T>;
}

/** Forgets the access token of a connection handed out earlier (after disconnect or a new sign-in). */
export function setAccessToken(conn: SalesforceConnection, accessToken: string | null, instanceUrl?: string): void {
  conn.accessToken = accessToken;
  if (instanceUrl) conn.instanceUrl = instanceUrl;
}

/** A transport object of our own around the caller's (which may be shared), so wrapping it changes nothing of theirs. */
function copyOf(transport: Transport): Transport {
  return { httpRequest: transport.httpRequest.bind(transport) } as unknown as Transport;
}
