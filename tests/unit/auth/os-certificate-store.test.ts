import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { rootCertificates } from 'node:tls';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishMessage } from '../../../electron/contract/i18n/spoken-messages';
import { trustOsCertificateStore } from '../../../electron/core/salesforce/os-certificate-store';
import { INSPECTING_CA, INSPECTING_LEAF, INSPECTING_LEAF_KEY, OTHER_CA, OTHER_LEAF, OTHER_LEAF_KEY } from '../../support/proxy-authorities';

/**
 * An accountant behind a TLS-inspecting proxy whose CA IT installed in the computer's store (session 35): the sign-in window
 * (Chromium) trusted it, the main process (Node's bundled list only) refused the code exchange and every sync. At start the
 * main process now trusts the OS store too (os-certificate-store.ts, called first in electron/main/index.ts).
 *
 * Real TLS on 127.0.0.1, no stand-in for Node's tls: each case is a child Node process (tsx) whose OS store the test chose —
 * on Linux Node reads OpenSSL's file and folder, SSL_CERT_FILE / SSL_CERT_DIR (checked here: without the step the same child
 * is refused) — with no NODE_EXTRA_CA_CERTS. "Salesforce" is an https server whose leaf the store's CA signed; another one's
 * leaf was signed by a CA that only sits in a temp file. Fails on these mutations of the change: the step not setting the
 * default list (every request refused); setting the OS store's list alone (Mozilla's authorities dropped: `everyBundled`);
 * trusting any certificate (NODE_TLS_REJECT_UNAUTHORIZED=0 set by the step: the other server answers); certificates told apart
 * by their PEM text instead of their body (Mozilla's authority in the store, written with other line breaks, counted as new:
 * `added`).
 */
const CHILD = fileURLToPath(new URL('./support/os-store-child.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

let dir: string;
let store: { SSL_CERT_FILE: string; SSL_CERT_DIR: string };
const asked: string[] = [];

const salesforce = (key: string, cert: string) =>
  createServer({ key, cert }, (req, res) => {
    asked.push(`${req.method} ${req.url}`);
    const origin = `https://${req.headers.host}`;
    if (req.method === 'POST' && req.url === '/services/oauth2/token') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: '00D000000000001!token', refresh_token: '5Aep.refresh', instance_url: origin, id: `${origin}/id/00D000000000001AAA/005000000000001AAA` }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"totalSize":0,"done":true,"records":[]}');
  });
const inspected = salesforce(INSPECTING_LEAF_KEY, INSPECTING_LEAF);
const other = salesforce(OTHER_LEAF_KEY, OTHER_LEAF);
const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
let inspectedUrl = '';
let otherUrl = '';

beforeAll(async () => {
  inspectedUrl = await listen(inspected);
  otherUrl = await listen(other);
  dir = mkdtempSync(join(tmpdir(), 'budgetly-os-store-'));
  // The computer's store: one file holding the proxy's CA and one of Mozilla's (as a Linux store holds them, written with
  // other line breaks than Node's list), an empty folder. The other CA lies in a file beside it, in no store.
  writeFileSync(join(dir, 'os-store.pem'), `${INSPECTING_CA}\n${rootCertificates[0]}\n`);
  mkdirSync(join(dir, 'os-store.d'));
  writeFileSync(join(dir, 'other-ca.pem'), `${OTHER_CA}\n`);
  store = { SSL_CERT_FILE: join(dir, 'os-store.pem'), SSL_CERT_DIR: join(dir, 'os-store.d') };
});
afterAll(async () => {
  for (const server of [inspected, other]) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  rmSync(dir, { recursive: true, force: true });
});

interface ChildSaw {
  trust: { trusted: string; fromOs?: number; added?: number; reason?: string } | null;
  logged: string[];
  signIn: string;
  sync: string;
  fetch: string;
  list: { size: number; distinct: number; inspectingCa: boolean; otherCa: boolean; everyBundled: boolean };
}

/** The child's answers, in an environment without the machine's own CA, proxy or Node settings, plus `env`. */
const run = (mode: 'trust' | 'plain', url: string, env: Record<string, string>) =>
  new Promise<ChildSaw>((resolve, reject) => {
    asked.length = 0;
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^(https?_proxy|no_proxy|node_use_env_proxy|node_options|node_extra_ca_certs|node_use_system_ca|ssl_cert_file|ssl_cert_dir)$/i.test(name)),
    );
    execFile(TSX, [CHILD, mode, url], { env: { ...clean, ...env }, timeout: 30_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildSaw),
    );
  });

const refused = (code: string) => `NETWORK: ${englishMessage('salesforceCertificateRefused', { code })}`;

describe('the main process trusts the OS certificate store (a TLS-inspecting proxy whose CA IT installed there)', () => {
  it('with the step, the sign-in, a GET of the sync and fetch go through the proxy’s certificate; Mozilla’s list is kept', async () => {
    const saw = await run('trust', inspectedUrl, store);
    expect(saw.signIn).toBe('signed in: 00D000000000001!token');
    expect(saw.sync).toBe('{"totalSize":0,"done":true,"records":[]}');
    expect(saw.fetch).toBe('{"totalSize":0,"done":true,"records":[]}');
    expect(asked).toEqual(['POST /services/oauth2/token', 'GET /services/data/v62.0/query?q=x', 'GET /services/data/v62.0/query?q=x']);
    // The store held one authority Node did not have and one it had: that one added, every bundled one kept, each once, the
    // other CA not.
    expect(saw.trust).toEqual({ trusted: 'os', fromOs: 2, added: 1 });
    expect(saw.list).toMatchObject({ inspectingCa: true, otherCa: false, everyBundled: true });
    expect(saw.list.distinct).toBe(saw.list.size);
    expect(saw.logged).toEqual(['Trusting the certificate authorities of the OS store too']);
  });

  it('without the step, the same child and store are refused with the certificate message, the token never sent', async () => {
    const saw = await run('plain', inspectedUrl, store);
    expect(saw.signIn).toBe(refused('UNABLE_TO_VERIFY_LEAF_SIGNATURE'));
    expect(saw.sync).toBe(refused('UNABLE_TO_VERIFY_LEAF_SIGNATURE'));
    expect(saw.fetch).toBe(refused('UNABLE_TO_VERIFY_LEAF_SIGNATURE'));
    expect(saw.list).toMatchObject({ inspectingCa: false, everyBundled: true });
    expect(asked).toEqual([]);
    // What the user reads says what is true now: the proxy's certificate is not in this computer's store.
    expect(saw.sync).toContain('is not installed in this computer’s certificate store: ask your IT team to install it there');
  });

  it('with the step, a CA the OS store does not hold (only in a file beside it) is still refused', async () => {
    const saw = await run('trust', otherUrl, store);
    expect([saw.signIn, saw.sync, saw.fetch]).toEqual([1, 2, 3].map(() => refused('UNABLE_TO_VERIFY_LEAF_SIGNATURE')));
    expect(saw.list.otherCa).toBe(false);
    expect(asked).toEqual([]);
  });

  it('a store that cannot be opened (no file, no folder) leaves Node’s bundled list, says so once, and never blocks the start', async () => {
    const saw = await run('trust', inspectedUrl, { SSL_CERT_FILE: join(dir, 'missing.pem'), SSL_CERT_DIR: join(dir, 'missing.d') });
    expect(saw.trust).toEqual({ trusted: 'bundled', reason: 'the OS store gave no certificate' });
    expect(saw.logged).toEqual(['Trusting Node’s bundled certificate authorities only']);
    expect(saw.list).toMatchObject({ inspectingCa: false, everyBundled: true });
    expect(saw.sync).toBe(refused('UNABLE_TO_VERIFY_LEAF_SIGNATURE'));
    expect(asked).toEqual([]);
  });
});

/**
 * The two ways the step can find nothing to do that no real Node 24 here can show: a Node without the API (before 22.19 / 24.5)
 * and a store whose reading throws (Node reports a Windows or Keychain failure that way). A stand-in for those two functions of
 * `node:tls` only; the start goes on with the list as it was, said once in the log. Fails if the step throws, or calls
 * setDefaultCACertificates with a partial list after a failed read.
 */
describe('the step where the OS store cannot be reached', () => {
  const logger = () => {
    const lines: string[] = [];
    return { lines, info: (m: string) => lines.push(`info ${m}`), warn: (m: string) => lines.push(`warn ${m}`), error: (m: string) => lines.push(`error ${m}`) };
  };

  it('a Node without tls.getCACertificates: the bundled list stays, one warning', () => {
    const log = logger();
    expect(trustOsCertificateStore({}, log)).toMatchObject({ trusted: 'bundled', reason: expect.stringContaining('cannot read the OS store') });
    expect(log.lines).toEqual(['warn Trusting Node’s bundled certificate authorities only']);
  });

  it('a store whose reading throws: nothing set, one warning naming the failure', () => {
    const log = logger();
    const set: string[][] = [];
    const tls = {
      getCACertificates: (type: string) => {
        if (type === 'system') throw new Error('the Keychain could not be opened');
        return type === 'extra' ? [] : [INSPECTING_CA];
      },
      setDefaultCACertificates: (certificates: string[]) => void set.push(certificates),
    };
    expect(trustOsCertificateStore(tls, log)).toEqual({ trusted: 'bundled', reason: 'the OS store could not be read (the Keychain could not be opened)' });
    expect(set).toEqual([]);
    expect(log.lines).toEqual(['warn Trusting Node’s bundled certificate authorities only']);
  });
});
