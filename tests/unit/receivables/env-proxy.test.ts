import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenLoopback } from './loopback';

/**
 * A network that lets only a proxy out (Node's env proxy: NODE_USE_ENV_PROXY=1 + HTTP_PROXY): the sync's requests, now
 * through Node's http client (http-exchange.ts, part-agents.ts), go the way fetch's go — the sign-in's — or a user behind
 * such a proxy signs in and then every sync fails (review33, session 33). Without the switch both go direct, as Node does.
 */
const CHILD = fileURLToPath(new URL('./support/env-proxy-child.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

let target: Awaited<ReturnType<typeof listenLoopback>>;
let proxy: Awaited<ReturnType<typeof listenLoopback>>;
const proxied: string[] = [];

beforeAll(async () => {
  target = await listenLoopback((_req, res) => res.end('from Salesforce'));
  // A forward proxy: absolute-form request lines (Node's http agents) passed on, CONNECT tunnels (fetch's) opened.
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
  await target.close();
  await proxy.close();
});

const run = (env: Record<string, string>) =>
  new Promise<{ sync: string; fetch: string }>((resolve, reject) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(https?_proxy|no_proxy|node_use_env_proxy)$/i.test(name)));
    execFile(TSX, [CHILD, `${target.base}/services/data/v62.0/query?q=x`], { env: { ...clean, ...env }, timeout: 30_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as { sync: string; fetch: string }),
    );
  });

describe('the sync’s requests and Node’s env proxy', () => {
  it('go through the proxy when it is on, as fetch does', async () => {
    proxied.length = 0;
    expect(await run({ NODE_USE_ENV_PROXY: '1', HTTP_PROXY: proxy.base, NO_PROXY: '' })).toEqual({ sync: 'from Salesforce', fetch: 'from Salesforce' });
    expect(proxied).toEqual([`GET ${target.base}/services/data/v62.0/query?q=x`, `CONNECT ${target.base.replace('http://', '')}`]);
  });

  it('go direct when it is off, as fetch does', async () => {
    proxied.length = 0;
    expect(await run({ HTTP_PROXY: proxy.base })).toEqual({ sync: 'from Salesforce', fetch: 'from Salesforce' });
    expect(proxied).toEqual([]);
  });
});
