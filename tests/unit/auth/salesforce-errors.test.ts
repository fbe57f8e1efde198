import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OAuth2 } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract';
import { limitedTransport } from '../../../electron/core/salesforce/http-limits';
import { createConnection, type SalesforceConnection } from '../../../electron/core/salesforce/jsforce-adapter';
import { toAppError } from '../../../electron/core/salesforce/salesforce-errors';

/**
 * Real jsforce errors from a loopback server that answers the way Salesforce does
 * (JSON arrays for REST errors, {error, error_description} for OAuth), mapped by toAppError.
 */
const replies: Record<string, { status: number; body: unknown; type?: string }> = {
  '/services/data/v62.0/query': { status: 400, body: [{ message: "No such column 'Foo' on entity 'Invoice'", errorCode: 'INVALID_FIELD' }] },
  '/services/data/v62.0/limits': { status: 403, body: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }] },
  '/services/data/v62.0/sobjects': { status: 401, body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }] },
  '/services/data/v62.0/unavailable': { status: 503, body: 'Service Unavailable', type: 'text/plain' },
  '/services/data/v62.0/html': { status: 404, body: '<html>not here</html>', type: 'text/html' },
  '/services/oauth2/token': { status: 400, body: { error: 'invalid_grant', error_description: 'expired access/refresh token' } },
};

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const reply = replies[new URL(req.url ?? '/', 'http://x').pathname] ?? { status: 404, body: [{ message: 'nope', errorCode: 'NOT_FOUND' }] };
    res.writeHead(reply.status, { 'content-type': reply.type ?? 'application/json' });
    res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function connection(instanceUrl = base): SalesforceConnection {
  return createConnection({ instanceUrl, accessToken: '00D000000000001!AQ.fake', version: '62.0' }, limitedTransport({ timeoutMs: 2_000, maxRetries: 1, retryDelayMs: 10 }));
}

async function mapped(promise: PromiseLike<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return toAppError(error);
  }
  throw new Error('expected a failure');
}

describe('toAppError', () => {
  it('keeps Salesforce’s own message for errors only Salesforce can explain', async () => {
    const error = await mapped(connection().query('SELECT Foo FROM Invoice'));
    expect(error.code).toBe('SALESFORCE_ERROR');
    expect(error.message).toContain("No such column 'Foo' on entity 'Invoice'");
  });

  it('maps REQUEST_LIMIT_EXCEEDED to SALESFORCE_LIMIT', async () => {
    const error = await mapped(connection().request('/services/data/v62.0/limits'));
    expect(error.code).toBe('SALESFORCE_LIMIT');
    expect(error.message).toMatch(/API requests/);
  });

  it('maps INVALID_SESSION_ID (no refresh possible) to RECONNECT_REQUIRED', async () => {
    const error = await mapped(connection().request('/services/data/v62.0/sobjects'));
    expect(error.code).toBe('RECONNECT_REQUIRED');
  });

  it('maps 503 and an unreachable org to NETWORK', async () => {
    expect((await mapped(connection().request('/services/data/v62.0/unavailable'))).code).toBe('NETWORK');
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await mapped(connection(`http://127.0.0.1:${port}`).request('/services/data/v62.0/limits'));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toMatch(/could not be reached/);
  });

  it('maps a page of HTML to a SALESFORCE_ERROR naming the HTTP status', async () => {
    const error = await mapped(connection().request('/services/data/v62.0/html'));
    expect(error.code).toBe('SALESFORCE_ERROR');
    expect(error.message).toContain('404');
  });

  it('maps invalid_grant from the token endpoint to RECONNECT_REQUIRED', async () => {
    const oauth = new OAuth2({ loginUrl: base, clientId: 'x', redirectUri: 'http://localhost:1717/OauthRedirect' });
    const error = await mapped(oauth.refreshToken('5Aep861fake'));
    expect(error.code).toBe('RECONNECT_REQUIRED');
  });

  it('leaves AppErrors alone, never echoes a token, and hides unknown failures', () => {
    const original = new AppError('CANCELLED', 'Sign-in cancelled.');
    expect(toAppError(original)).toBe(original);
    const leaky = Object.assign(new Error('bad token 00D5g000004FAKE!AQ4AQ.secretpart'), { name: 'INVALID_FIELD' });
    expect(toAppError(leaky).message).not.toContain('00D5g000004FAKE!');
    expect(toAppError(new TypeError('x is undefined')).code).toBe('INTERNAL');
    expect(toAppError(Object.assign(new Error('connect ECONNRESET'), { code: 'ECONNRESET' })).code).toBe('NETWORK');
  });
});
