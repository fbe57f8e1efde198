import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrg, type RunningOrg } from '../../org/index';
import { launchChromium } from '../../support/chromium';
import { connectTestCore } from '../../support/connect';
import { parseCsv } from '../../support/csv';
import { startHarness, type Harness } from '../../support/harness';
import { viewState } from '../../support/view-state';
import type { SavedViewList } from '../../../electron/contract';
import { PlaywrightLoginAgent } from '../../support/playwright-login-agent';
import { tempDir } from '../../support/test-ports';
import { expectedSummary, fromOrgRecords, type OrgInvoice } from '../workspace/expected';
import { readSummary } from '../workspace/workspace-driver';
import { expectAccessible, poll } from '../workspace/workspace-fixture';

// Three small local orgs on different seeds (their record ids overlap: the generator numbers them alike, as a
// sandbox copied from production would). Two are connected first, the third later; the second is stopped mid-test.
const ORGS = [
  { label: 'North GmbH', seed: 11 },
  { label: 'South Ltd', seed: 12 },
  { label: 'West SA', seed: 13 },
];

/** The cards' figures, as comparable numbers: { currency, count, total, balance } in cents. */
const figures = (rows: { currency: string; count: number; total: number; balance: number }[]) =>
  rows.map(({ currency, count, total, balance }) => ({ currency, count, total: Math.round(total * 100), balance: Math.round(balance * 100) }));

describe('All connections: every connected org in one view', () => {
  const orgs: RunningOrg[] = [];
  let browser: Browser;
  let harness: Harness;
  let agent: PlaywrightLoginAgent | undefined;
  let page: Page;
  const ids: string[] = [];
  const temp = tempDir();
  /** An org's invoices as its records say (independent of the app). */
  const invoicesOf = (k: number): OrgInvoice[] => fromOrgRecords(orgs[k]!.control.records('Invoice'));
  const asOf = async () => (await page.getByTestId('as-of').getAttribute('data-value'))!;
  /** Waits until the combined list holds `total` rows, all loaded, and no org is syncing. */
  const waitForRows = (total: number) =>
    page.waitForFunction(
      (n) => {
        const count = document.querySelector('[data-testid="row-count"]');
        return count?.getAttribute('data-total') === String(n) && count.getAttribute('data-complete') === 'true' && !document.querySelector('[data-testid="sync-all"][aria-busy="true"]');
      },
      total,
      { timeout: 60_000 },
    );
  const orgCells = () => page.evaluate(() => [...document.querySelectorAll('.grid-body [data-column="org"]')].map((cell) => ({ text: cell.textContent, muted: cell.classList.contains('muted-cell'), title: cell.getAttribute('title') })));

  beforeAll(async () => {
    for (const { seed } of ORGS) orgs.push(await startOrg({ invoices: 240, seed, multiCurrency: true }));
    browser = await launchChromium();
    harness = await startHarness({ browser, extraLoginOrigins: orgs.map((o) => o.url), loginAgent: () => (agent = new PlaywrightLoginAgent(browser)) });
    page = harness.page;
    for (const k of [0, 1]) ids.push(await connectTestCore(harness.testCore, orgs[k]!, { agent, label: ORGS[k]!.label }));
    await page.reload();
  });
  afterAll(async () => {
    await harness?.close();
    await agent?.dispose();
    await browser?.close();
    for (const org of orgs) await org.stop().catch(() => undefined);
    temp.remove();
  });

  it('offers "All connections" in the switcher and shows both orgs in one grid, totals per currency exact across them', async () => {
    const switcher = page.getByTestId('connection-switcher');
    await switcher.locator('summary').click();
    await switcher.getByTestId('pick-all-connections').click();
    await page.getByTestId('all-connections').waitFor();
    const both = [...invoicesOf(0), ...invoicesOf(1)];
    await waitForRows(both.length);
    expect(await switcher.getByTestId('switcher-all').textContent()).toBe('All connections');
    const day = await asOf();
    expect(figures(await readSummary(page))).toEqual(figures(expectedSummary(both, day)));
    // The aging per currency is over both orgs too.
    const shown = await readSummary(page);
    for (const expected of expectedSummary(both, day)) {
      const card = shown.find((c) => c.currency === expected.currency)!;
      for (const [bucket, { amount, count }] of Object.entries(expected.aging)) {
        expect([bucket, card.aging[bucket]?.count, Math.round((card.aging[bucket]?.amount ?? 0) * 100)]).toEqual([bucket, count, Math.round(amount * 100)]);
      }
    }
    // Every row carries its org's name.
    const labels = new Set((await orgCells()).map((c) => c.text));
    expect([...labels].every((l) => l === 'North GmbH' || l === 'South Ltd')).toBe(true);
    await harness.screenshot('all-connections');
    await expectAccessible(page, 'all connections');
  });

  it('gives the totals per org on demand, each equal to that org’s own records', async () => {
    await page.getByTestId('per-org-toggle').click();
    const day = await asOf();
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="org-total"]')].map((row) => ({
        org: row.getAttribute('data-org'),
        currency: row.getAttribute('data-currency')!,
        count: Number(row.getAttribute('data-count')),
        total: Number(row.getAttribute('data-total')),
        balance: Number(row.getAttribute('data-balance')),
      })),
    );
    for (const k of [0, 1]) {
      expect(figures(shown.filter((row) => row.org === ORGS[k]!.label))).toEqual(figures(expectedSummary(invoicesOf(k), day)));
    }
    await page.getByTestId('per-org-toggle').click();
  });

  it('filters by org with a removable chip, and opens a row in its own org', async () => {
    const south = invoicesOf(1);
    await page.getByTestId('filter-org').getByLabel(/South Ltd/).check();
    await waitForRowsVisible(page, south.length);
    expect(await page.getByTestId('org-chips').textContent()).toContain('Org: South Ltd');
    expect(figures(await readSummary(page))).toEqual(figures(expectedSummary(south, await asOf())));
    expect(new Set((await orgCells()).map((c) => c.text))).toEqual(new Set(['South Ltd']));

    // The first row is South's: its detail comes from South, and "Open in Salesforce" goes to South's instance.
    const number = await page.locator('.grid-body [aria-rowindex="2"] [data-column="number"]').textContent();
    const invoice = south.find((i) => i.number === number)!;
    await page.getByTestId('invoice-grid').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('detail-panel');
    await panel.getByTestId('detail-fields').waitFor();
    // The orgs number their invoices alike (and share record ids): South's customer says it is South's record.
    expect(await panel.getByTestId('detail-fields').textContent()).toContain(invoice.number);
    await panel.getByTestId('detail-fields').waitFor();
    expect(await panel.locator('.detail-customer').textContent()).toBe(invoice.customer);
    const opened = harness.testCore.shell.opened.length;
    await panel.getByTestId('open-in-salesforce').click();
    await poll(() => harness.testCore.shell.opened.length).toBe(opened + 1);
    expect(harness.testCore.shell.opened.at(-1)).toContain(invoice.id);
    expect(harness.testCore.shell.opened.at(-1)!.startsWith(orgs[1]!.url)).toBe(true);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Remove filter Org: South Ltd' }).click();
    await waitForRowsVisible(page, invoicesOf(0).length + south.length);
  });

  it('exports the combined view with the Org column, each row from its own org', async () => {
    const path = join(temp.dir, 'all.csv');
    harness.testCore.saveDialog.answer = path;
    await page.getByTestId('export-menu').click();
    await page.getByTestId('export-csv').click();
    await poll(() => page.getByTestId('export-status').textContent()).toContain('all.csv');
    const [header, ...rows] = parseCsv(readFileSync(path, 'utf8').slice(1)).filter((r) => r.length > 1);
    expect(header![0]).toBe('Org');
    const numberAt = header!.indexOf('Number');
    const balanceAt = header!.indexOf('Balance');
    for (const k of [0, 1]) {
      const mine = rows.filter((r) => r[0] === ORGS[k]!.label);
      const records = new Map(invoicesOf(k).map((i) => [i.number, i]));
      expect(mine.length).toBe(records.size);
      // Each row's balance is its own org's (the orgs share record ids and numbers, not amounts).
      for (const r of mine) expect(Number(r[balanceAt])).toBeCloseTo(records.get(r[numberAt]!)!.balance ?? 0, 2);
    }
  });

  it('exports the combined view as XLSX with the Summary (every org, totals per currency and per org) and Applications sheets', async () => {
    const path = join(temp.dir, 'all.xlsx');
    harness.testCore.saveDialog.answer = path;
    await page.getByTestId('export-menu').click();
    await page.getByTestId('export-xlsx').click();
    await poll(() => page.getByTestId('export-status').textContent()).toContain('all.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const names = book.worksheets.map((sheet) => sheet.name);
    expect(names[0]).toBe('Invoices');
    expect(names.at(-1)).toBe('Summary');
    const summary = book.getWorksheet('Summary')!.getSheetValues().slice(1).map((row) => ((row as unknown[]) ?? []).slice(1));
    expect(summary.find((row) => row[0] === 'Connection')?.[1]).toBe('North GmbH, South Ltd');
    // Per org: each org's open balance per currency, as its own records say (the last cell of its row).
    const perOrgAt = summary.findIndex((row) => row[0] === 'Open balances by aging bucket, per org');
    expect(perOrgAt).toBeGreaterThan(0);
    const day = await asOf();
    for (const k of [0, 1]) {
      const mine = summary.slice(perOrgAt + 2).filter((row) => row[0] === ORGS[k]!.label).map((row) => [row[1], Math.round(Number(row.at(-1)) * 100)]).filter(([, cents]) => cents !== 0);
      // The open balances by bucket (as the cards' aging), currencies with any.
      const expected = expectedSummary(invoicesOf(k), day)
        .map((c) => [c.currency, Math.round(Object.values(c.aging).reduce((sum, bucket) => sum + bucket.amount, 0) * 100)])
        .filter(([, cents]) => cents !== 0);
      expect(mine.sort()).toEqual(expected.sort());
    }
    if (names.includes('Applications')) expect(book.getWorksheet('Applications')!.getRow(1).getCell(1).value).toBe('Org');
  });

  it('one org’s failed load: its banner names it with Try again, the view counts the other org (not “partial” for ever)', async () => {
    const north = invoicesOf(0);
    const south = invoicesOf(1);
    // South's invoice list answers as a broken offline copy would, while the page's session says so.
    await harness.context.addInitScript({
      content: `(() => {
        const install = () => {
          const original = window.__budgetlyInvoke;
          if (typeof original !== 'function' || original.__failing) return;
          const failing = async (channel, input) => {
            if (channel === 'invoices.list' && input && input.connectionId === sessionStorage.getItem('failListOf')) {
              return { ok: false, error: { code: 'STORAGE', message: 'The offline copy could not be read.' } };
            }
            return original(channel, input);
          };
          failing.__failing = true;
          window.__budgetlyInvoke = failing;
        };
        install();
        document.addEventListener('readystatechange', install);
      })();`,
    });
    await page.evaluate((id) => sessionStorage.setItem('failListOf', id), ids[1]!);
    await page.reload();
    const banner = page.locator('[data-testid="org-banner"][data-kind="load"]');
    await poll(() => banner.textContent()).toContain('South Ltd: its invoices could not be loaded — The offline copy could not be read.');
    await waitForRows(north.length);
    // North's figures, the export and the filters are there: the view is complete over what it has.
    expect(figures(await readSummary(page))).toEqual(figures(expectedSummary(north, await asOf())));
    expect(await page.getByTestId('export-menu').getAttribute('aria-disabled')).toBeNull();
    expect(new Set((await orgCells()).map((c) => c.text))).toEqual(new Set(['North GmbH']));
    await expectAccessible(page, 'all connections, one org’s list failed');

    await page.evaluate(() => sessionStorage.removeItem('failListOf'));
    await banner.getByRole('button', { name: 'Try again' }).click();
    await waitForRows(north.length + south.length);
    expect(await banner.count()).toBe(0);
    expect(figures(await readSummary(page))).toEqual(figures(expectedSummary([...north, ...south], await asOf())));
  });

  it('sorts by Org, and keeps the org filter and that sort in a saved view (Views menu, Ctrl+1, default at launch, export)', async () => {
    const north = invoicesOf(0);
    const south = invoicesOf(1);
    const orgHeader = page.getByRole('columnheader', { name: 'Org', exact: true });
    const firstOrg = () => page.locator('.grid-body [aria-rowindex="2"] [data-column="org"]').textContent();
    await orgHeader.getByRole('button').click();
    await poll(() => orgHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await firstOrg()).toBe('North GmbH');
    // The last row is South's: every North row comes first.
    await page.getByTestId('invoice-grid').focus();
    await page.keyboard.press('End');
    await poll(() => page.locator('.grid-body .grid-row.active [data-column="org"]').textContent()).toBe('South Ltd');
    await orgHeader.getByRole('button').click();
    await poll(() => orgHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await firstOrg()).toBe('South Ltd');

    await page.getByTestId('filter-org').getByLabel(/South Ltd/).check();
    await waitForRowsVisible(page, south.length);
    await page.getByTestId('views-menu').click();
    await page.getByTestId('save-view').click();
    await page.getByTestId('view-name').fill('South, by org');
    await page.getByTestId('save-view-confirm').click();
    const views = async () => (await harness.testCore.call('views.list', { connectionId: '*' })).value as SavedViewList;
    await poll(async () => (await views()).views.length).toBe(1);
    expect((await views()).views[0]!.state).toMatchObject({ orgs: [{ id: ids[1], name: 'South Ltd' }], sort: { column: 'org', desc: true } });

    // Everything else, then Ctrl+1.
    await page.getByRole('button', { name: 'Remove filter Org: South Ltd' }).click();
    await waitForRowsVisible(page, north.length + south.length);
    await page.getByRole('columnheader', { name: 'Number', exact: true }).getByRole('button').click();
    await page.getByTestId('invoice-grid').focus();
    await page.keyboard.press('Control+1');
    await waitForRowsVisible(page, south.length);
    expect(await page.getByTestId('org-chips').textContent()).toContain('Org: South Ltd');
    await poll(() => orgHeader.getAttribute('aria-sort')).toBe('descending');
    expect(figures(await readSummary(page))).toEqual(figures(expectedSummary(south, await asOf())));

    // A view naming a connection that is gone opens with the orgs still here, and says which one it left out.
    const gone = viewState({ orgs: [{ id: 'removed-connection', name: 'Old Sandbox' }, { id: ids[0]!, name: 'North GmbH' }] });
    await harness.testCore.call('views.save', { connectionId: '*', name: 'North and the old sandbox', state: gone });
    await page.reload();
    await waitForRows(north.length + south.length);
    await page.getByTestId('invoice-grid').focus();
    await page.keyboard.press('Control+2');
    await waitForRowsVisible(page, north.length);
    const notice = page.getByTestId('view-dropped');
    await poll(() => notice.textContent()).toContain('“North and the old sandbox” named what the connected orgs no longer have');
    await expect(notice.locator('li').allTextContents()).resolves.toEqual(['org Old Sandbox (its connection is gone)']);
    await expectAccessible(page, 'all connections, a view that left out an org');
    await page.getByTestId('view-notice-dismiss').click();

    // The default view of All connections opens at launch.
    const first = (await views()).views[0]!;
    await harness.testCore.call('views.update', { connectionId: '*', id: first.id, isDefault: true });
    await page.reload();
    // Every org loaded (the default waits for that), then only South's rows: the view's org filter.
    await page.waitForFunction(
      (n) => {
        const count = document.querySelector('[data-testid="row-count"]');
        return count?.getAttribute('data-visible') === String(n) && count.getAttribute('data-complete') === 'true';
      },
      south.length,
      { timeout: 60_000 },
    );
    expect(await page.getByTestId('org-chips').textContent()).toContain('Org: South Ltd');
    await poll(() => orgHeader.getAttribute('aria-sort')).toBe('descending');

    // Export: both views of All connections in one file.
    const path = join(temp.dir, 'all-views.json');
    harness.testCore.saveDialog.answer = path;
    await page.getByTestId('views-menu').click();
    await page.getByTestId('export-views').click();
    await poll(() => page.getByTestId('views-outcome').textContent()).toContain('2 views exported');
    expect((JSON.parse(readFileSync(path, 'utf8')) as { views: { name: string }[] }).views.map((v) => v.name)).toEqual(['South, by org', 'North and the old sandbox']);

    await page.getByRole('button', { name: 'Remove filter Org: South Ltd' }).click();
    await waitForRowsVisible(page, north.length + south.length);
  });

  it('takes in a third org connected later, and keeps a stopped org’s rows, marked, with its banner', async () => {
    ids.push(await connectTestCore(harness.testCore, orgs[2]!, { agent, label: ORGS[2]!.label }));
    const all = [...invoicesOf(0), ...invoicesOf(1), ...invoicesOf(2)];
    await waitForRows(all.length);
    expect(figures(await readSummary(page))).toEqual(figures(expectedSummary(all, await asOf())));

    await orgs[1]!.stop();
    await page.getByTestId('sync-all').click();
    const banner = page.locator('[data-testid="org-banner"][data-kind="offline"]');
    await banner.waitFor({ timeout: 60_000 });
    expect(await banner.textContent()).toContain('South Ltd cannot be reached');
    expect(await page.getByTestId('org-banner').count()).toBe(1);
    await waitForRows(all.length);
    // South's rows stay, muted, saying why; the totals are still over every org's invoices.
    expect(figures(await readSummary(page))).toEqual(figures(expectedSummary(all, await asOf())));
    await page.getByTestId('filter-org').getByLabel(/South Ltd/).check();
    await waitForRowsVisible(page, invoicesOf(1).length);
    const cells = await orgCells();
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((c) => c.muted && c.title === 'South Ltd cannot be reached: this invoice is as last synced')).toBe(true);
    await page.getByTestId('filter-org').getByLabel(/South Ltd/).uncheck();
    await waitForRowsVisible(page, all.length);
    expect((await orgCells()).filter((c) => c.text !== 'South Ltd').every((c) => !c.muted)).toBe(true);
    await harness.screenshot('all-connections-one-offline');
    await expectAccessible(page, 'all connections, one org offline');
  });

  it('keeps an org that needs a new sign-in: its banner offers Reconnect, its rows stay, marked, and counted', async () => {
    // Salesforce revoked West's session (an admin, a password reset): the refresh is refused, not a network failure.
    orgs[2]!.control.revokeAllTokens();
    await page.getByTestId('sync-all').click();
    const banner = page.locator('[data-testid="org-banner"][data-kind="reconnect"]');
    await banner.waitFor({ timeout: 60_000 });
    expect(await banner.textContent()).toContain('West SA: the session ended');
    expect(await banner.getByRole('button', { name: 'Reconnect' }).count()).toBe(1);
    // South (stopped in the test before) keeps its own banner: each org says its own trouble.
    expect(await page.locator('[data-testid="org-banner"][data-kind="offline"]').count()).toBe(1);
    const all = [...invoicesOf(0), ...invoicesOf(1), ...invoicesOf(2)];
    await waitForRows(all.length);
    expect(figures(await readSummary(page))).toEqual(figures(expectedSummary(all, await asOf())));
    await page.getByTestId('filter-org').getByLabel(/West SA/).check();
    await waitForRowsVisible(page, invoicesOf(2).length);
    const cells = await orgCells();
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((c) => c.muted && c.title === 'West SA needs you to sign in again: this invoice is as last synced')).toBe(true);
    await page.getByTestId('filter-org').getByLabel(/West SA/).uncheck();
    await waitForRowsVisible(page, all.length);
    expect((await orgCells()).filter((c) => c.text === 'North GmbH').every((c) => !c.muted)).toBe(true);
  });
});

async function waitForRowsVisible(page: Page, n: number): Promise<void> {
  await page.waitForFunction((expected) => document.querySelector('[data-testid="row-count"]')?.getAttribute('data-visible') === String(expected), n, { timeout: 20_000 });
}
