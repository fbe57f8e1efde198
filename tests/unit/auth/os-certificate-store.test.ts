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
import { osTrustOnRefusal, type CertificateAuthorities, type OsStoreRead } from '../../../electron/core/salesforce/os-certificate-store';
import { EXPIRED_CA, INSPECTING_CA, INSPECTING_LEAF, INSPECTING_LEAF_KEY, NOT_YET_VALID_CA, OTHER_CA, OTHER_LEAF, OTHER_LEAF_KEY } from '../../support/proxy-authorities';

/**
 * An accountant behind a TLS-inspecting proxy whose CA IT installed in the computer's store (session 35): the sign-in window
 * (Chromium) trusted it, the main process (Node's bundled list only) refused the code exchange and every sync. Nothing is read
 * at launch (a Keychain read blocks for seconds on managed Macs): the first certificate Node's list refuses has the OS store
 * read once, in a worker thread, its authorities added to the main thread's list, and the refused request sent once more
 * (os-certificate-store.ts, wrapped around fetch-transport.ts's sendWithFetch and http-exchange.ts's two exchanges).
 *
 * Real TLS on 127.0.0.1, no stand-in for Node's tls: each case is a child Node process (tsx) whose OS store the test chose —
 * on Linux Node reads OpenSSL's file and folder, SSL_CERT_FILE / SSL_CERT_DIR — with no NODE_EXTRA_CA_CERTS unless said.
 * "Salesforce" is an https server whose leaf the store's CA signed; another one's leaf was signed by a CA in no store. Each
 * read of the store is one worker thread started (`process.on('worker')`). Fails on these mutations: no resend after the read
 * (the first requests refused); the list set in the worker instead of the main thread (every request refused: the list is per
 * thread); no shared read (workers 2-3); the store read at import or at each request (workers > 0 where Node's list trusts the
 * server; workers > 1); certificates told apart by their PEM text (Mozilla's authority counted as new: `added` 2); the resend
 * sent twice (`asked` has a request twice); the worker's date check removed or reduced to the end date (the store's expired
 * or not-yet-valid CA in the list: `outOfDateCa`, `setAside` < 2 — session 36: in Electron's BoringSSL an expired authority
 * of the issuer's name can be taken before its valid renewal, os-certificate-store.ts).
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
  // The computer's store: one file holding the proxy's CA, one of Mozilla's (as a Linux store holds them, written with other
  // line breaks than Node's list) and two CAs out of their dates (one expired, one not yet valid), an empty folder. The other
  // CA lies in a file beside it, in no store.
  writeFileSync(join(dir, 'os-store.pem'), `${INSPECTING_CA}\n${rootCertificates[0]}\n${EXPIRED_CA}\n${NOT_YET_VALID_CA}\n`);
  mkdirSync(join(dir, 'os-store.d'));
  writeFileSync(join(dir, 'other-ca.pem'), `${OTHER_CA}\n`);
  writeFileSync(join(dir, 'inspecting-ca.pem'), `${INSPECTING_CA}\n`);
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
  workers: number;
  reported: string[];
  signIn: string;
  sync: string;
  fetch: string;
  after: string;
  list: { size: number; distinct: number; inspectingCa: boolean; otherCa: boolean; outOfDateCa: boolean; everyBundled: boolean };
}

/** The child's answers, in an environment without the machine's own CA, proxy or Node settings, plus `env`. */
const run = (url: string, env: Record<string, string>) =>
  new Promise<ChildSaw>((resolve, reject) => {
    asked.length = 0;
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^(https?_proxy|no_proxy|node_use_env_proxy|node_options|node_extra_ca_certs|node_use_system_ca|ssl_cert_file|ssl_cert_dir)$/i.test(name)),
    );
    execFile(TSX, [CHILD, url], { env: { ...clean, ...env }, timeout: 30_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildSaw),
    );
  });

const refused = (code: string) => `NETWORK: ${englishMessage('salesforceCertificateRefused', { code })}`;
const QUERY = 'GET /services/data/v62.0/query?q=x';
const ANSWER = '{"totalSize":0,"done":true,"records":[]}';

describe('the OS certificate store, read at the first refused certificate (a TLS-inspecting proxy whose CA IT installed there)', () => {
  it('the sign-in, a GET of the sync and fetch, refused at once, go through after one read of the store, each sent once', async () => {
    const saw = await run(inspectedUrl, store);
    expect([saw.signIn, saw.sync, saw.fetch, saw.after]).toEqual(['signed in: 00D000000000001!token', ANSWER, ANSWER, ANSWER]);
    // Refused in the handshake, the first attempts never reached the server: each request arrived once.
    expect([...asked].sort()).toEqual([QUERY, QUERY, QUERY, 'POST /services/oauth2/token'].sort());
    // One read for the three concurrent refusals, none for the request after: the store held one authority Node did not have,
    // one it had (Mozilla's, written with other line breaks) and two out of their dates, set aside, not trusted.
    expect(saw.workers).toBe(1);
    expect(saw.reported).toEqual([
      'info A certificate was refused: reading the OS store undefined',
      'info A certificate was refused: the OS store was read {"fromOs":4,"setAside":2,"added":1}',
    ]);
    expect(saw.list).toMatchObject({ inspectingCa: true, otherCa: false, outOfDateCa: false, everyBundled: true });
    expect(saw.list.distinct).toBe(saw.list.size);
  });

  it('a server whose CA is in no store stays refused with the certificate message; the store is read once, not per request', async () => {
    const saw = await run(otherUrl, store);
    expect([saw.signIn, saw.sync, saw.fetch, saw.after]).toEqual([1, 2, 3, 4].map(() => refused('UNABLE_TO_VERIFY_LEAF_SIGNATURE')));
    expect(saw.sync).toContain('is not installed in this computer’s certificate store: ask your IT team to install it there');
    expect(asked).toEqual([]);
    expect(saw.workers).toBe(1);
    expect(saw.list).toMatchObject({ inspectingCa: true, otherCa: false, outOfDateCa: false, everyBundled: true });
  });

  it('a server Node’s list already trusts never has the store read', async () => {
    // The proxy's CA given to Node itself (NODE_EXTRA_CA_CERTS, part of its default list): nothing is refused, so nothing read.
    const saw = await run(inspectedUrl, { ...store, NODE_EXTRA_CA_CERTS: join(dir, 'inspecting-ca.pem') });
    expect([saw.signIn, saw.sync, saw.fetch, saw.after]).toEqual(['signed in: 00D000000000001!token', ANSWER, ANSWER, ANSWER]);
    expect(saw.workers).toBe(0);
    expect(saw.reported).toEqual([]);
  });

  it('a store that cannot be opened (no file, no folder) keeps the refusal, read once, said once', async () => {
    const saw = await run(inspectedUrl, { SSL_CERT_FILE: join(dir, 'missing.pem'), SSL_CERT_DIR: join(dir, 'missing.d') });
    expect([saw.signIn, saw.sync, saw.fetch, saw.after]).toEqual([1, 2, 3, 4].map(() => refused('UNABLE_TO_VERIFY_LEAF_SIGNATURE')));
    expect(saw.workers).toBe(1);
    expect(saw.reported).toEqual([
      'info A certificate was refused: reading the OS store undefined',
      'warn A certificate was refused: Node’s bundled certificate authorities only {"reason":"the OS store gave no certificate"}',
    ]);
    expect(saw.list).toMatchObject({ inspectingCa: false, everyBundled: true });
    expect(asked).toEqual([]);
  });
});

/**
 * What no real Node 24 here can show, with a stand-in for the two functions of `node:tls` and for the worker's read: a Node
 * without the API (before 22.19 / 24.5), a store whose reading throws (a Windows or Keychain failure), one that adds nothing.
 * The request's own error stands, the same object. Fails on: the refusal replaced by the store's error; a resend when nothing
 * was added; a read for an error that is no refused certificate; a second read; a resend of a request sent after the read;
 * a failing log or status handed to the waiting requests; the read's end told before the list is set, or told twice.
 */
describe('a refused certificate where the OS store cannot help', () => {
  const refusal = () => Object.assign(new Error('fetch failed'), { cause: Object.assign(new Error('unable to verify the first certificate'), { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }) });
  const standIn = (system: () => string[]) => {
    const calls = { reads: 0, sets: [] as string[][] };
    const tls: CertificateAuthorities = {
      getCACertificates: (type) => (type === 'bundled' || type === 'default' ? [rootCertificates[0]!] : []),
      setDefaultCACertificates: (certificates) => void calls.sets.push(certificates),
    };
    const read = () => {
      calls.reads++;
      return Promise.resolve().then(() => ({ authorities: system(), setAside: 0 }));
    };
    return { calls, tls, read };
  };
  const failing = (error: Error) => {
    const sent = { count: 0 };
    return { sent, send: () => (sent.count++, Promise.reject(error)) };
  };

  it('a store whose reading throws: the refusal stands, not sent again, the store not read again', async () => {
    const { calls, tls, read } = standIn(() => {
      throw new Error('the Keychain could not be opened');
    });
    const reported: unknown[] = [];
    const trust = osTrustOnRefusal(tls, read, (outcome) => reported.push(outcome));
    const error = refusal();
    const request = failing(error);
    await expect(trust.send(request.send)).rejects.toBe(error);
    await expect(trust.send(request.send)).rejects.toBe(error);
    expect({ sent: request.sent.count, reads: calls.reads, sets: calls.sets }).toEqual({ sent: 2, reads: 1, sets: [] });
    expect(reported).toEqual([{ trusted: 'bundled', reason: 'the OS store could not be read (the Keychain could not be opened)' }]);
  });

  it('a Node without tls.getCACertificates: the refusal stands, the store never read', async () => {
    const { calls, read } = standIn(() => [INSPECTING_CA]);
    const error = refusal();
    const request = failing(error);
    await expect(osTrustOnRefusal({}, read, () => undefined).send(request.send)).rejects.toBe(error);
    expect({ sent: request.sent.count, reads: calls.reads }).toEqual({ sent: 1, reads: 0 });
  });

  it('a store that holds only what Node trusts: nothing set, the refusal stands, not sent again', async () => {
    const { calls, tls, read } = standIn(() => [rootCertificates[0]!.replace(/\n/g, '\r\n')]);
    const error = refusal();
    const request = failing(error);
    await expect(osTrustOnRefusal(tls, read, () => undefined).send(request.send)).rejects.toBe(error);
    expect({ sent: request.sent.count, reads: calls.reads, sets: calls.sets }).toEqual({ sent: 1, reads: 1, sets: [] });
  });

  it('an error that is no refused certificate (a refused connection) never has the store read', async () => {
    const { calls, tls, read } = standIn(() => [INSPECTING_CA]);
    const error = Object.assign(new Error('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    const request = failing(error);
    await expect(osTrustOnRefusal(tls, read, () => undefined).send(request.send)).rejects.toBe(error);
    expect({ sent: request.sent.count, reads: calls.reads }).toEqual({ sent: 1, reads: 0 });
  });

  it('two refusals at once share one read and are each sent once more; a refusal after the read is not', async () => {
    const { calls, tls, read } = standIn(() => [INSPECTING_CA]);
    // What the sync's status is told (sync-coordinator.ts): the read started, then ended once the list was set.
    const reading: string[] = [];
    const trust = osTrustOnRefusal(tls, read, () => undefined, (now) => reading.push(`${now} after ${calls.sets.length} set`));
    const error = refusal();
    let attempts = 0;
    const refusedFirst = () => (++attempts <= 2 ? Promise.reject(error) : Promise.resolve('answered'));
    await expect(Promise.all([trust.send(refusedFirst), trust.send(refusedFirst)])).resolves.toEqual(['answered', 'answered']);
    expect({ attempts, reads: calls.reads, sets: calls.sets.map((list) => list.length) }).toEqual({ attempts: 4, reads: 1, sets: [2] });
    expect(reading).toEqual(['true after 0 set', 'false after 1 set']);
    const later = failing(error);
    await expect(trust.send(later.send)).rejects.toBe(error);
    expect({ sent: later.sent.count, reads: calls.reads }).toEqual({ sent: 1, reads: 1 });
  });

  it('a log or a status that throws while the read is told changes nothing: the refused request is sent once more and answered', async () => {
    const { tls, read } = standIn(() => [INSPECTING_CA]);
    const full = () => {
      throw new Error('the log file is full');
    };
    const trust = osTrustOnRefusal(tls, read, full, full);
    let attempts = 0;
    await expect(trust.send(() => (++attempts === 1 ? Promise.reject(refusal()) : Promise.resolve('answered')))).resolves.toBe('answered');
    expect(attempts).toBe(2);
  });

  it('a request cancelled while the store is read ends with its cancel', async () => {
    let finish: (read: OsStoreRead) => void = () => undefined;
    const trust = osTrustOnRefusal(standIn(() => []).tls, () => new Promise((resolve) => (finish = resolve)), () => undefined);
    const cancel = new AbortController();
    const waiting = trust.send(() => Promise.reject(refusal()), cancel.signal);
    cancel.abort(new Error('Sync cancelled'));
    await expect(waiting).rejects.toThrow('Sync cancelled');
    finish({ authorities: [INSPECTING_CA], setAside: 0 });
  });
});
