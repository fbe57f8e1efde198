import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CERT, KEY } from '../../support/loopback-certificate';
import { listenLoopback } from './loopback';

/**
 * A network that lets only a proxy out (Node's env proxy: NODE_USE_ENV_PROXY=1 or --use-env-proxy, with HTTP(S)_PROXY and
 * NO_PROXY): the sync's requests, through Node's http client (http-exchange.ts, part-agents.ts), go the way fetch's go —
 * the sign-in's — or a user behind such a proxy signs in and then every sync fails (review33, review33b, session 33).
 * Each case is a real child process (the agents read the environment at start) asking a loopback "Salesforce" once through
 * the sync's transport and once through fetch, beside a loopback forward proxy that records what it carried.
 */
const CHILD = fileURLToPath(new URL('./support/env-proxy-child.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
const QUERY = '/services/data/v62.0/query?q=x';

let plain: Awaited<ReturnType<typeof listenLoopback>>;
let tls: Server;
let tlsHost: string;
let proxy: Awaited<ReturnType<typeof listenLoopback>>;
let dir: string;
const proxied: string[] = [];

beforeAll(async () => {
  plain = await listenLoopback((_req, res) => res.end('from Salesforce'));
  tls = createHttpsServer({ key: KEY, cert: CERT }, (_req, res) => res.end('from Salesforce'));
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
  tlsHost = `127.0.0.1:${(tls.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'budgetly-proxy-'));
  writeFileSync(join(dir, 'ca.pem'), CERT);
  // A forward proxy: absolute-form request lines passed on, CONNECT tunnels opened.
  proxy = await listenLoopback((req, res) => {
    proxied.push(`${req.method} ${req.url}`);
    const on = request(req.url!, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    on.on('error', () => res.destroy());
    req.pipe(on);
  });
  proxy.server.on('connect', (req, client, head) => {
    proxied.push(`CONNECT ${req.url}`);
    const [host, port] = req.url!.split(':');
    const up = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      up.write(head);
      up.pipe(client);
      client.pipe(up);
    });
    up.on('error', () => client.destroy());
    client.on('error', () => up.destroy());
  });
});
afterAll(async () => {
  await plain.close();
  tls.closeAllConnections();
  await new Promise<void>((resolve) => tls.close(() => resolve()));
  await proxy.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The child's two answers, in a clean environment (no proxy settings of the machine running the tests) plus `env`. */
const run = (url: string, env: Record<string, string>) =>
  new Promise<{ sync: string; fetch: string }>((resolve, reject) => {
    proxied.length = 0;
    const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(https?_proxy|no_proxy|node_use_env_proxy|node_options)$/i.test(name)));
    execFile(TSX, [CHILD, url], { env: { ...clean, NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem'), ...env }, timeout: 15_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as { sync: string; fetch: string }),
    );
  });
const both = { sync: 'from Salesforce', fetch: 'from Salesforce' };

describe('the sync’s requests and Node’s env proxy, as fetch takes it', () => {
  it('https with only HTTP_PROXY set: both through a CONNECT tunnel', { timeout: 20_000 }, async () => {
    expect(await run(`https://${tlsHost}${QUERY}`, { NODE_USE_ENV_PROXY: '1', HTTP_PROXY: proxy.base })).toEqual(both);
    expect(proxied).toEqual([`CONNECT ${tlsHost}`, `CONNECT ${tlsHost}`]);
  });

  it('http, the switch in NODE_OPTIONS: both through the proxy', { timeout: 20_000 }, async () => {
    expect(await run(`${plain.base}${QUERY}`, { NODE_OPTIONS: '--use-env-proxy', HTTP_PROXY: proxy.base })).toEqual(both);
    expect(proxied).toEqual([`GET ${plain.base}${QUERY}`, `CONNECT ${plain.base.replace('http://', '')}`]);
  });

  it('a host NO_PROXY names: both direct', { timeout: 20_000 }, async () => {
    expect(await run(`https://${tlsHost}${QUERY}`, { NODE_USE_ENV_PROXY: '1', HTTPS_PROXY: proxy.base, NO_PROXY: '*.example.com, 127.0.0.1' })).toEqual(both);
    expect(proxied).toEqual([]);
  });

  it('the switch off: both direct, HTTP_PROXY or not', { timeout: 20_000 }, async () => {
    expect(await run(`https://${tlsHost}${QUERY}`, { HTTPS_PROXY: proxy.base, HTTP_PROXY: proxy.base })).toEqual(both);
    expect(proxied).toEqual([]);
  });
});
