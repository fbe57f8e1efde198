import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishMessage } from '../../../electron/contract/i18n/spoken-messages';
import { salesforceGet } from '../../../electron/core/invoices/sync/salesforce-get';
import { toAppError } from '../../../electron/core/salesforce/salesforce-errors';
import { SessionManager, type SessionTokens } from '../../../electron/core/salesforce/session-manager';
import type { Connection } from '../../../electron/contract';
import { HttpLoginAgent, signIn } from '../../org/headless-login';
import { startOrg } from '../../org/index.ts';
import { failure } from '../../support/failure';
import { CERT, KEY } from '../../support/loopback-certificate';
import { createTestCore, type TestCore } from '../../support/test-core';
import { MemoryLogger } from '../../support/test-ports';
import { MemorySource } from './support/memory-session-source';

/**
 * A certificate refused during a token refresh (session 35; nobody had checked it): the access token expired, the app asks the
 * token endpoint for a new one, and that endpoint's certificate is one Node's TLS refuses (a self-signed server here; for a
 * user, typically a TLS-inspecting proxy whose CA the main process does not trust). Salesforce refused nothing — it was
 * never asked — so the user must read the certificate message (what to ask IT), not "reconnect / access revoked"; the stored
 * tokens stay, and once the endpoint is a good one again the same refresh token renews the session.
 */

const API = '62.0';
const COUNT = 'SELECT COUNT() FROM Invoice';

describe('a token refresh whose endpoint has a certificate Node refuses', () => {
  let asked = 0;
  const refusing = createServer({ key: KEY, cert: CERT }, (_req, res) => {
    asked++; // never reached: the handshake fails before a request (and the refresh token) is sent
    res.writeHead(500).end();
  });
  let refusingUrl = '';
  let org: Awaited<ReturnType<typeof startOrg>>;
  beforeAll(async () => {
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    refusingUrl = `https://127.0.0.1:${(refusing.address() as AddressInfo).port}`;
    org = await startOrg({ port: 0, invoices: 30 });
  });
  afterAll(async () => {
    refusing.closeAllConnections();
    await new Promise<void>((resolve) => refusing.close(() => resolve()));
    await org?.stop();
  });

  it('says it is the certificate, keeps the stored tokens and the connection, and a later refresh at a good endpoint works', async () => {
    const granted = await signIn(org.url);
    const signedIn: SessionTokens = { accessToken: granted.access_token, refreshToken: granted.refresh_token!, instanceUrl: granted.instance_url };
    const source = new MemorySource(refusingUrl, signedIn);
    const sessions = new SessionManager(source, { logger: new MemoryLogger(), extraOrigins: [org.url, refusingUrl] });
    const conn = await sessions.open('c1', API);
    const url = `/services/data/v${API}/query?q=${encodeURIComponent(COUNT)}`;
    expect((await salesforceGet<{ totalSize: number }>(conn, url)).totalSize).toBe(30);

    org.control.expireSessions();
    org.control.resetCounters();
    // What the invoices module does with a request's failure (the sync's status line, a document's error).
    const said = toAppError(await failure(salesforceGet(conn, url)));
    expect(said.code).toBe('NETWORK');
    const code = /\(([A-Z_]+)\)/.exec(said.message)?.[1];
    expect(code).toMatch(/^(DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)$/);
    expect(said.message).toBe(englishMessage('salesforceCertificateRefused', { code: code! }));
    expect(said.message).not.toBe(englishMessage('signInEnded'));
    expect(asked).toBe(0);
    expect(org.control.counters().refreshes).toBe(0);
    // Nothing changed: no reconnect asked for, the sealed tokens as they were.
    expect(source.status).toBe('connected');
    expect(source.reconnectErrors).toEqual([]);
    expect(source.tokens).toBe(signedIn);
    expect(source.saved).toEqual([]);

    // The same again (the sync tries later): still the certificate, still nothing dropped.
    expect(toAppError(await failure(conn.query(COUNT))).message).toBe(said.message);
    expect(source.status).toBe('connected');
    expect(source.tokens).toBe(signedIn);

    // IT lets the app through (here: the token endpoint is a good one again): the kept refresh token renews the session.
    source.loginUrl = org.url;
    expect((await salesforceGet<{ totalSize: number }>(conn, url)).totalSize).toBe(30);
    expect(org.control.counters().refreshes).toBe(1);
    expect(source.saved).toHaveLength(1);
    expect(source.saved[0]!.refreshToken).toBe(signedIn.refreshToken);
    expect(source.status).toBe('connected');
  });
  it('through the app: the sync says it is the certificate, the connection stays connected, and syncs again once the endpoint is good', async () => {
    // The connection as the app keeps it (records in the store, tokens sealed), reopened with its login address answering with
    // a refused certificate (the way the store is rewritten in trusted-token-urls.test.ts; for a user: IT's new proxy).
    const origins = [org.url, refusingUrl];
    const cores: TestCore[] = [];
    const open = (from?: TestCore) => {
      const core = createTestCore({ loginAgent: new HttpLoginAgent(), extraLoginOrigins: origins, ...(from ? { dataDir: from.dataDir, secretBox: from.secretBox } : {}) });
      cores.push(core);
      return core;
    };
    const reopenedAt = async (from: TestCore, loginUrl: string) => {
      await from.core.dispose();
      const records = from.store.get('connections') as Record<string, unknown>[];
      from.store.set('connections', records.map((record) => ({ ...record, loginUrl })));
      return open(from);
    };
    try {
      const first = open();
      const id = ((await first.call('connections.add', { label: 'Acme', loginUrl: org.url, clientId: 'budgetly-demo' })).value as Connection).id;
      expect(await first.call('connections.connect', { id })).toMatchObject({ ok: true, value: { status: 'connected' } });
      expect(await first.call('invoices.sync', { connectionId: id, mode: 'full' })).toMatchObject({ ok: true });

      const refused = await reopenedAt(first, refusingUrl);
      org.control.expireSessions();
      org.control.resetCounters();
      const synced = await refused.call('invoices.sync', { connectionId: id });
      expect(synced.ok).toBe(false);
      const code = /\(([A-Z_]+)\)/.exec(synced.error?.message ?? '')?.[1] ?? '';
      expect(synced.error).toEqual({ code: 'NETWORK', message: englishMessage('salesforceCertificateRefused', { code }) });
      expect(code).toMatch(/^(DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)$/);
      const listed = ((await refused.call('connections.list')).value as Connection[]).find((connection) => connection.id === id);
      expect(listed?.status).toBe('connected');
      expect(asked).toBe(0);
      expect(org.control.counters().refreshes).toBe(0);

      const good = await reopenedAt(refused, org.url);
      expect(await good.call('invoices.sync', { connectionId: id })).toMatchObject({ ok: true });
      expect(org.control.counters().refreshes).toBe(1); // the kept refresh token renewed the session
    } finally {
      for (const core of cores) await core.dispose();
    }
  });
});
