import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeInvoiceColumns } from '../../../electron/contract/invoice-columns';
import { startOrg, type RunningOrg } from '../../org';
import { launchChromium } from '../../support/chromium';
import { connectTestCore } from '../../support/connect';
import { PlaywrightLoginAgent } from '../../support/playwright-login-agent';
import { tempDir, TestSecretBox } from '../../support/test-ports';
import { createTestCore, type TestCore as AppInstance } from '../../support/test-core';

/** The whole core (connections + invoices) signed in through the org's login page, then reopened offline. */
describe('invoices through the real core', () => {
  let browser: Browser;
  let org: RunningOrg;
  let agent: PlaywrightLoginAgent;
  let app: AppInstance;
  let connectionId: string;
  const temp = tempDir();
  const box = new TestSecretBox();
  const invoiceFiles = () => (existsSync(join(temp.dir, 'invoices')) ? readdirSync(join(temp.dir, 'invoices')) : []);
  const cacheFiles = () => invoiceFiles().filter((name) => name.endsWith('.cache'));

  beforeAll(async () => {
    [browser, org] = await Promise.all([launchChromium(), startOrg({ invoices: 3000, multiCurrency: true })]);
    agent = new PlaywrightLoginAgent(browser);
    app = createTestCore({ dataDir: temp.dir, secretBox: box, loginAgent: agent, extraLoginOrigins: [org.url] });
    connectionId = await connectTestCore(app, org, { agent });
  });
  afterAll(async () => {
    await app?.core.dispose();
    await agent?.dispose();
    await Promise.all([browser?.close(), org?.stop()]);
    temp.remove();
  });

  it('syncs every invoice, records the sync on the connection, and opens a record on the instance', async () => {
    const sync = await app.call('invoices.sync', { connectionId });
    expect(sync.ok, JSON.stringify(sync.error)).toBe(true);
    expect(sync.value).toMatchObject({ mode: 'full', total: 3000 });
    const list = await app.call('invoices.list', { connectionId });
    expect(list.value.invoices.map((row: { id: string }) => row.id).sort()).toEqual(org.control.records('Invoice').map((record) => record.Id).sort());
    const connections = await app.call('connections.list');
    expect(connections.value.find((connection: { id: string }) => connection.id === connectionId).lastSyncAt).toBe(sync.value.syncedAt);
    const id = list.value.invoices[0].id;
    expect((await app.call('invoices.openInSalesforce', { connectionId, id })).ok).toBe(true);
    expect(app.shell.opened).toEqual([`${org.url}/lightning/r/Invoice/${id}/view`]);
  });

  it('lists the copy newest first, whole or in windows that put together give the whole list of one version', async () => {
    const whole = (await app.call('invoices.list', { connectionId })).value;
    expect(whole).toMatchObject({ total: 3000, offset: 0 });
    const dates: (string | null)[] = whole.invoices.map((row: { invoiceDate: string | null }) => row.invoiceDate);
    const dated = dates.filter((date): date is string => date !== null);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(dates.slice(dated.length).every((date) => date === null)).toBe(true);

    const windows = [];
    for (let offset = 0; offset < 3000; offset += offset === 0 ? 500 : 1000) {
      const window = await app.call('invoices.list', { connectionId, offset, limit: offset === 0 ? 500 : 1000 });
      expect(window.ok, JSON.stringify(window.error)).toBe(true);
      expect(window.value).toMatchObject({ total: 3000, offset, version: whole.version, syncedAt: whole.syncedAt });
      windows.push(...window.value.invoices);
    }
    expect(windows).toEqual(whole.invoices);
    // The same windows as columns (what the workspace loads the rest of a list with) decode to exactly the same rows.
    const fromColumns = [];
    for (let offset = 0; offset < 3000; offset += 1000) {
      const window = await app.call('invoices.listColumns', { connectionId, offset, limit: 1000 });
      expect(window.ok, JSON.stringify(window.error)).toBe(true);
      expect(window.value).toMatchObject({ total: 3000, offset, version: whole.version, syncedAt: whole.syncedAt });
      fromColumns.push(...decodeInvoiceColumns(window.value.columns));
    }
    expect(fromColumns).toStrictEqual(whole.invoices);
    const past = await app.call('invoices.list', { connectionId, offset: 5000, limit: 10 });
    expect(past.value).toMatchObject({ invoices: [], total: 3000, offset: 3000 });

    // A sync that changed nothing keeps the version (a loading list goes on); one that changed an
    // invoice makes a new one: a window of it never passes for a window of the old copy.
    expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
    expect((await app.call('invoices.list', { connectionId, offset: 0, limit: 1 })).value.version).toBe(whole.version);
    org.control.updateInvoices([org.control.records('Invoice')[7]!.Id as string], { Balance: 1.23 });
    expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
    expect((await app.call('invoices.list', { connectionId, offset: 0, limit: 1 })).value.version).not.toBe(whole.version);
  });

  it('an expired session is refreshed by the connection and the incremental sync goes on', async () => {
    const refreshes = org.control.counters().refreshes;
    // Read once: `records()` builds every record of the org afresh (3,000 here).
    const paid = org.control.records('Invoice')[5]!.Id as string;
    org.control.updateInvoices([paid], { Balance: 0 });
    org.control.expireSessions();
    const sync = await app.call('invoices.sync', { connectionId });
    expect(sync.ok, JSON.stringify(sync.error)).toBe(true);
    expect(sync.value.mode).toBe('incremental');
    expect(org.control.counters().refreshes).toBeGreaterThan(refreshes);
    const list = await app.call('invoices.list', { connectionId });
    expect(list.value.invoices.find((row: { id: string }) => row.id === paid).balance).toBe(0);
  });

  it('keeps the cached invoices readable when tokens are revoked (reconnect needed)', async () => {
    const before = await app.call('invoices.list', { connectionId });
    org.control.revokeAllTokens();
    org.control.expireSessions();
    const sync = await app.call('invoices.sync', { connectionId });
    expect(sync.error?.code).toBe('RECONNECT_REQUIRED');
    const after = await app.call('invoices.list', { connectionId });
    expect(after.value).toEqual(before.value);
  });

  it('reopened with the org stopped, the app shows the cached invoices and when they were synced', async () => {
    const before = await app.call('invoices.list', { connectionId });
    await app.core.dispose();
    await org.stop();
    app = createTestCore({ dataDir: temp.dir, secretBox: box, loginAgent: agent, extraLoginOrigins: [org.url] });
    const after = await app.call('invoices.list', { connectionId });
    expect(after.ok, JSON.stringify(after.error)).toBe(true);
    expect(after.value.invoices).toHaveLength(3000);
    expect(after.value).toEqual(before.value);
    // Nothing readable on disk: invoice numbers stay inside the encrypted file.
    const file = readFileSync(join(temp.dir, 'invoices', cacheFiles().find((name) => name.endsWith('.cache'))!));
    expect(file.includes(Buffer.from(before.value.invoices[0].number))).toBe(false);
  });

  it('removing the connection deletes its offline copy', async () => {
    // The offline copy (and, once its background phase has written it, every invoice's whole record beside it).
    expect(cacheFiles().filter((name) => name.endsWith('.cache'))).toHaveLength(1);
    expect((await app.call('connections.remove', { id: connectionId })).ok).toBe(true);
    // The copy and its first screen beside it.
    expect(invoiceFiles()).toEqual([]);
  });
});
