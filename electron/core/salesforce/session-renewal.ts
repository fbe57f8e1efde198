import { PassThrough } from 'node:stream';
import type { HttpRequest, HttpResponse, Transport, TransportAnswer } from './jsforce-adapter';
import { reconnectRequired } from './reconnect-required';


/** Gives a fresh access token for a request rejected with `rejectedToken` (refreshing only if that token is still current). */
export type Renew = (rejectedToken: string | undefined) => Promise<string>;

/**
 * Session renewal at the transport: a request answered 401 (session expired) gets a fresh token
 * from `renew` and is sent once more; a second 401 for the same request becomes RECONNECT_REQUIRED
 * instead of another refresh (jsforce's own delegate would refresh and retry forever).
 */
export function renewOnExpiredSession<T extends Transport>(transport: T, renew: Renew): T {
  const send = transport.httpRequest.bind(transport);
  transport.httpRequest = (request, options) => {
    const first = send(request, options);
    const promise = (async (): Promise<HttpResponse> => {
      let response = await first;
      if (isSessionExpired(response)) {
        const token = await renew(bearerOf(request));
        request.headers = { ...request.headers, Authorization: `Bearer ${token}` };
        response = await send(request, options);
        if (isSessionExpired(response)) {
          throw reconnectRequired('refusedAfterRenewal');
        }
      }
      return response;
    })();
    let body: PassThrough | undefined;
    // The body stream of the attempt that counted (not of a 401 that was retried), made only if someone asks.
    const stream = () => {
      if (!body) {
        const created = new PassThrough();
        body = created;
        promise.then(
          (response) => created.end(response.body),
          () => created.end(), // the failure travels through the promise; an 'error' here would go unhandled
        );
      }
      return body;
    };
    return Object.assign(promise, { stream }) as unknown as TransportAnswer;
  };
  return transport;
}

/** Same test as jsforce's HttpApi.isSessionExpired: 401, minus the answers a refresh cannot fix. */
export function isSessionExpired(response: HttpResponse): boolean {
  if (response.statusCode !== 401) return false;
  const body = typeof response.body === 'string' ? response.body : '';
  return !['Connected app is not attached to Agent', 'This session is not valid for use with the REST API'].some((text) => body.includes(text));
}

function bearerOf(request: HttpRequest): string | undefined {
  const header = Object.entries(request.headers ?? {}).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}
