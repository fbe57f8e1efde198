import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeInvoiceColumns } from '../../../electron/contract/invoice-columns';
import { startOrg, type RunningOrg } from '../../org';
import { launchChromium } from '../../support/chromium';
import { connectTestCore } from '../../support/connect';
import { PlaywrightLoginAgent } from '../../support/playwright-login-agent';
import { tempDir, TestSecretBox } from '../../support/test-ports';
import { createTestCore, type TestCore as AppInstance } from '../../support/test-core';

/**
 * The list's windows as the workspace loads them (issue #19): each next window is encoded while the one before it crosses
 * (read/window-ahead.ts). What the page gets must be what a fresh read gives, whatever the window size, and never a
 * window of a copy a sync has replaced.
 */
describe('list windows read ahead, through the real core', () => {
  let browser: Browser;
  let org: RunningOrg;
  let agent: PlaywrightLoginAgent;
  let app: AppInstance;
  let connectionId: string;
  const temp = tempDir();

  beforeAll(async () => {
    [browser, org] = await Promise.all([launchChromium(), startOrg({ invoices: 2500, multiCurrency: true })]);
    agent = new PlaywrightLoginAgent(browser);
    app = createTestCore({ dataDir: temp.dir, secretBox: new TestSecretBox(), loginAgent: agent, extraLoginOrigins: [org.url] });
    connectionId = await connectTestCore(app, org, { agent });
    expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
  });
  afterAll(async () => {
    await app?.core.dispose();
    await agent?.dispose();
    await Promise.all([browser?.close(), org?.stop()]);
    temp.remove();
  });

  const columns = (offset: number, limit: number) => app.call('invoices.listColumns', { connectionId, offset, limit });

  it('each window of a load equals the same window read again afresh, and the windows make the whole list — any window size', async () => {
    const whole = (await app.call('invoices.list', { connectionId })).value;
    for (const limit of [1000, 777, 2500, 333]) {
      const rows = [];
      for (let offset = 500; offset < whole.total; ) {
        // The first ask of a window takes what was read ahead after the window before it; asking it again reads it afresh.
        const ahead = await columns(offset, limit);
        const fresh = await columns(offset, limit);
        expect(ahead.ok, JSON.stringify(ahead.error)).toBe(true);
        expect(ahead.value).toStrictEqual(fresh.value);
        expect(ahead.value).toMatchObject({ total: whole.total, offset, version: whole.version });
        rows.push(...decodeInvoiceColumns(ahead.value.columns));
        offset += ahead.value.columns.length;
      }
      expect(rows).toStrictEqual(whole.invoices.slice(500));
    }
  });

  it('a window asked out of turn (back, or another size) is the fresh one', async () => {
    const first = await columns(500, 1000);
    for (const [offset, limit] of [[500, 1000], [1500, 400], [1500, 1000], [0, 2500]] as const) {
      const asked = await columns(offset, limit);
      expect(asked.value).toStrictEqual((await columns(offset, limit)).value);
      expect(asked.value.version).toBe(first.value.version);
    }
  });

  it('a sync that changed an invoice between two windows: the next window is the new copy’s, not the one read ahead', async () => {
    const before = await columns(500, 1000);
    // An invoice of the window read ahead meanwhile (1,500–2,500; a balance does not move it in the order).
    const changed = (await app.call('invoices.list', { connectionId, offset: 1700, limit: 1 })).value.invoices[0].id as string;
    org.control.updateInvoices([changed], { Balance: 4.56 });
    expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
    const now = (await app.call('invoices.list', { connectionId })).value;
    expect(now.version).not.toBe(before.value.version);
    const next = await columns(1500, 1000);
    expect(next.value.version).toBe(now.version);
    expect(decodeInvoiceColumns(next.value.columns)).toStrictEqual(now.invoices.slice(1500, 2500));
    expect(decodeInvoiceColumns(next.value.columns).find((invoice) => invoice.id === changed)!.balance).toBe(4.56);
  });
});
