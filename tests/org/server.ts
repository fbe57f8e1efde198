/* eslint-disable @typescript-eslint/no-explicit-any -- untyped library objects (oidc-provider, soql-parser AST, jsforce records) */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleControl } from './control/control-http.ts';
import { Counters } from './control/counters.ts';
import { forgetMadeIds } from './data/ids.ts';
import { Faults } from './control/faults.ts';
import { createControl } from './control/org-control.ts';
import { handleIdentity, findAccessToken, handleRevoke } from './oauth/identity.ts';
import { handleInteraction } from './oauth/interactions.ts';
import { OrgStorage } from './oauth/memory-adapter.ts';
import { createProvider, OAUTH, type ProviderState } from './oauth/provider.ts';
import { salesforcePkce } from './oauth/salesforce-pkce.ts';
import { resolveOptions } from './options.ts';
import { OrgData } from './org-data.ts';
import { Cursors } from './rest/cursors.ts';
import { BulkJobs } from './rest/bulk-query.ts';
import { sendSfError } from './rest/respond.ts';
import { handleRest, templateOf } from './rest/rest-router.ts';
import type { OrgOptions, RunningOrg } from './types.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Lets the headers and half the body out, then destroys the socket (`drop`) or sends nothing more (`stall`). */
function cutMidBody(res: ServerResponse, then: 'drop' | 'stall'): void {
  res.end = ((chunk?: unknown) => {
    const buf = typeof chunk === 'string' || chunk instanceof Uint8Array ? Buffer.from(chunk as string) : Buffer.alloc(0);
    if (!res.headersSent && !res.getHeader('Content-Length')) res.setHeader('Content-Length', String(buf.length || 1));
    res.flushHeaders();
    res.write(buf.subarray(0, Math.floor(buf.length / 2)), () => {
      // A stalled answer keeps its socket open until the client gives up or the org stops.
      if (then === 'drop') setImmediate(() => res.socket?.destroy());
    });
    return res;
  }) as ServerResponse['end'];
}

export async function startOrg(options: OrgOptions = {}): Promise<RunningOrg> {
  const o = resolveOptions(options);
  const data = new OrgData(o);
  const counters = new Counters();
  const faults = new Faults();
  const cursors = new Cursors();
  const jobs = new BulkJobs();
  const storage = new OrgStorage();
  const state: ProviderState = { rotation: o.rotateRefresh };
  const control = createControl({ data, storage, state, counters, faults, jobs });
  // eslint-disable-next-line prefer-const -- assigned once the port is known
  let provider: any;
  // eslint-disable-next-line prefer-const -- idem
  let callback: (req: IncomingMessage, res: ServerResponse) => void;
  let base = '';

  const restDeps = {
    data, counters, faults, cursors, jobs, url: () => base,
    authenticate: async (token: string) => !!(await findAccessToken(provider, token)),
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    const path = url.pathname;
    if (path.startsWith('/__org/')) return handleControl(control, req, res, url);
    counters.hit(templateOf(path));
    if (o.latency) await sleep(o.latency);
    const soql = url.searchParams.get('q');
    const slow = faults.take(path, ['latency'], soql);
    if (slow) await sleep(slow.ms);
    const fault = faults.take(path, ['http500', 'http503', 'drop', 'stall'], soql);
    if (fault?.kind === 'http500') {
      return sendSfError(res, 500, 'UNKNOWN_EXCEPTION', 'An unexpected error occurred. Please include this ErrorId if you contact support: 1740461842-52014 (-1104717406)');
    }
    if (fault?.kind === 'http503') {
      return sendSfError(res, 503, 'SERVER_UNAVAILABLE', 'Server temporarily unavailable. Please try again later.', { 'Retry-After': '1' });
    }
    if (fault?.kind === 'drop' || fault?.kind === 'stall') cutMidBody(res, fault.kind);

    if (path === '/services/data' || path.startsWith('/services/data/')) return handleRest(restDeps, req, res, url);
    if (path.startsWith('/id/') && path !== '/id/keys') {
      return handleIdentity(provider, data, base, req, res, url, false);
    }
    if (path === `${OAUTH}/userinfo`) {
      return handleIdentity(provider, data, base, req, res, url, true);
    }
    if (path === `${OAUTH}/revoke`) {
      return handleRevoke(provider, counters, req, res, url);
    }
    if (path.startsWith(`${OAUTH}/login/`)) {
      return handleInteraction(provider, data, req, res, path);
    }
    if (path === `${OAUTH}/authorize` && req.method === 'GET' && !url.searchParams.has('scope')) {
      // Salesforce falls back to the app's configured scopes; ours are "api refresh_token".
      url.searchParams.set('scope', 'api refresh_token');
      req.url = `${path}?${url.searchParams}`;
    }
    return callback(await salesforcePkce(provider, req, url), res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error('[org] request failed', err);
      if (!res.headersSent) sendSfError(res, 500, 'UNKNOWN_EXCEPTION', 'An unexpected error occurred.');
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  provider = createProvider(base, data, storage, counters, state);
  provider.on('grant.error', (ctx: any, err: unknown) => { ctx.state.grantError = err; });
  provider.on('server_error', (_ctx: unknown, err: unknown) => console.error('[org] oidc-provider error', err));
  callback = provider.callback();

  let stopped: Promise<void> | undefined;
  return {
    url: base,
    orgId: data.orgId,
    userId: data.userId,
    control,
    stop: () => {
      stopped ??= new Promise<void>((resolve) => {
        cursors.clear();
        jobs.clear();
        forgetMadeIds();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}
