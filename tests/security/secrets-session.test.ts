import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangeCode, authorizeUrl, createOAuth2 } from '../../electron/core/auth/oauth-client';
import { createPkce, createState } from '../../electron/core/auth/pkce';
import { REDIRECT_URI, parseRedirect } from '../../electron/core/auth/redirect';
import { InvoiceCacheStore } from '../../electron/core/invoices/cache/cache-store';
import { defaultHttpLimits } from '../../electron/core/salesforce/http-limits';
import { HttpLoginAgent, startOrg, type RunningOrg } from '../org/index';
import { createTestCore, type TestCore } from '../support/test-core';
import { MemoryLogger, tempDir } from '../support/test-ports';
import { filesUnder } from './support/core-state';

/**
 * A whole scripted session through the real core against the local org (rotating refresh tokens):
 * connect, full sync, session expiry + refresh, incremental sync, open an invoice, export CSV and
 * XLSX, disconnect. Then every place a token could leak to is searched: each file in the data
 * folder (raw bytes), the decrypted offline copy, the exported files (cell by cell), every IPC
 * result, every pushed event and every log line. The renderer's own state is searched in
 * tests/security/renderer-session.test.ts.
 */
const TOKEN = /00D[A-Za-z0-9]{12,15}![A-Za-z0-9._-]+|5Aep[A-Za-z0-9._-]{8,}/;

let org: RunningOrg;
let testCore: TestCore;
const exports = tempDir('budgetly-exports-');
const ipcResults: unknown[] = [];
let connectionId = '';
let snapshotsBeforeDisconnect: { files: ReturnType<typeof filesUnder>; decryptedCache: string };

async function call(channel: string, input?: unknown) {
  const result = await testCore.call(channel, input);
  ipcResults.push({ channel, result });
  expect(result, `${channel}: ${JSON.stringify(result).slice(0, 300)}`).toMatchObject({ ok: true });
  return (result as unknown as { value: never }).value;
}

beforeAll(async () => {
  org = await startOrg({ port: 0, invoices: 400, rotateRefresh: true });
  testCore = createTestCore({ loginAgent: new HttpLoginAgent(), extraLoginOrigins: [org.url] });
  const added = await call('connections.add', { label: 'Acme', loginUrl: org.url, clientId: 'budgetly-demo' });
  connectionId = (added as { id: string }).id;
  await call('connections.connect', { id: connectionId });
  await call('invoices.sync', { connectionId, mode: 'full' });
  org.control.expireSessions();
  const refreshes = org.control.counters().refreshes;
  await call('invoices.sync', { connectionId, mode: 'incremental' });
  expect(org.control.counters().refreshes).toBeGreaterThan(refreshes);
  const list = (await call('invoices.list', { connectionId })) as { invoices: { id: string }[] };
  await call('invoices.get', { connectionId, id: list.invoices[0]!.id });
  for (const format of ['csv', 'xlsx'] as const) {
    testCore.saveDialog.answer = join(exports.dir, `invoices.${format}`);
    const ids = list.invoices.map((row) => row.id);
    await call('invoices.export', { connectionId, format, columns: ['number', 'customer', 'total', 'balance', 'currency', 'lastModified'], ids, asOf: '2026-11-29' });
  }
  await call('connections.list');
  await call('settings.get');
  const cache = await new InvoiceCacheStore(testCore.dataDir, testCore.secretBox, new MemoryLogger()).read(connectionId);
  expect(cache.snapshot?.rows.length).toBe(400);
  snapshotsBeforeDisconnect = { files: filesUnder(testCore.dataDir), decryptedCache: JSON.stringify(cache) };
  await call('connections.disconnect', { id: connectionId });
});
afterAll(async () => {
  await testCore?.dispose();
  await org?.stop();
  exports.remove();
});

describe('no token anywhere after a full session', () => {
  it('the pattern does recognise this org’s real tokens (so finding none means something)', async () => {
    const oauth2 = createOAuth2({ loginUrl: org.url, clientId: 'budgetly-demo', redirectUri: REDIRECT_URI }, defaultHttpLimits);
    const pkce = createPkce();
    const state = createState();
    const redirect = await new HttpLoginAgent().login({ authorizeUrl: authorizeUrl(oauth2, { state, codeChallenge: pkce.challenge }), redirectUri: REDIRECT_URI, signal: new AbortController().signal });
    const tokens = await exchangeCode(oauth2, parseRedirect(redirect, { redirectUri: REDIRECT_URI, state }).code, pkce.verifier);
    expect(tokens.accessToken).toMatch(TOKEN);
    expect(tokens.refreshToken!).toMatch(TOKEN);
  });

  it('in the data folder while connected (raw bytes) and in the decrypted offline copy', () => {
    expect(snapshotsBeforeDisconnect.files.length).toBeGreaterThan(1);
    for (const file of snapshotsBeforeDisconnect.files) {
      expect(TOKEN.test(file.bytes.toString('latin1')), file.path).toBe(false);
      expect(TOKEN.test(file.bytes.toString('utf16le')), file.path).toBe(false);
    }
    expect(snapshotsBeforeDisconnect.decryptedCache).not.toMatch(TOKEN);
  });

  it('in the data folder after disconnect', () => {
    for (const file of filesUnder(testCore.dataDir)) expect(TOKEN.test(file.bytes.toString('latin1')), file.path).toBe(false);
  });

  it('in the exported files, cell by cell', async () => {
    expect(readFileSync(join(exports.dir, 'invoices.csv'), 'utf8')).not.toMatch(TOKEN);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(exports.dir, 'invoices.xlsx'));
    let cells = 0;
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void (cells++, expect(String(cell.value ?? '')).not.toMatch(TOKEN)))));
    expect(cells).toBeGreaterThan(400);
  });

  it('in any IPC result, pushed event or log line', () => {
    expect(ipcResults.length).toBeGreaterThanOrEqual(10);
    for (const entry of ipcResults) expect(JSON.stringify(entry)).not.toMatch(TOKEN);
    expect(testCore.events.emitted.length).toBeGreaterThan(0);
    for (const event of testCore.events.emitted) expect(JSON.stringify(event)).not.toMatch(TOKEN);
    for (const line of testCore.logger.lines) expect(line).not.toMatch(TOKEN);
  });
});

describe('owner-only files', () => {
  it('the offline copy is 0600 in a 0700 folder', () => {
    const cache = snapshotsBeforeDisconnect.files.find((file) => file.path.startsWith('invoices/') && file.path.endsWith('.cache'));
    expect(cache?.mode).toBe(0o600);
    expect(statSync(join(testCore.dataDir, 'invoices')).mode & 0o777).toBe(0o700);
  });

  // The store holds the sealed refresh token: not readable by other local users. The test store is opened with the app's
  // own options (electron/main/store-options.ts, which electron-store-adapter.ts uses), so this fails if the app's mode changes.
  it('the store holding the sealed tokens is 0600', () => {
    const store = snapshotsBeforeDisconnect.files.find((file) => file.path.endsWith('.json'));
    expect(store, 'the key-value store file').toBeDefined();
    expect(store!.mode).toBe(0o600);
  });
});
