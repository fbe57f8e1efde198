import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrg, type RunningOrg } from '../../org/index';
import { launchChromium } from '../../support/chromium';
import { connectTestCore } from '../../support/connect';
import { startHarness, type Harness } from '../../support/harness';
import { PlaywrightLoginAgent } from '../../support/playwright-login-agent';
import { expectedFilter, expectedSummary, fromOrgRecords, type OrgInvoice } from '../workspace/expected';
import { readSummary } from '../workspace/workspace-driver';

// Two local orgs of 11,000 invoices: 22,000 combined, past the size from which a change of the rows shown paints the
// grid first and the summary follows (SPLIT_SUMMARY_ROWS, 20,000), as in one org's workspace (workspace-100k.test.ts).
const ORGS = [
  { label: 'North GmbH', seed: 21 },
  { label: 'South Ltd', seed: 22 },
];
const INVOICES = 11_000;

/** Per currency in cents: { currency, count, total, balance }. */
const cents = (rows: { currency: string; count: number; total: number; balance: number }[]) =>
  rows.map(({ currency, count, total, balance }) => ({ currency, count, total: Math.round(total * 100), balance: Math.round(balance * 100) }));

describe('All connections past 20,000 invoices: a keystroke paints its rows first, the cards and the totals per org follow', () => {
  const orgs: RunningOrg[] = [];
  let browser: Browser;
  let harness: Harness;
  let agent: PlaywrightLoginAgent | undefined;
  let page: Page;
  const invoicesOf = (k: number): OrgInvoice[] => fromOrgRecords(orgs[k]!.control.records('Invoice'));
  const both = () => [...invoicesOf(0), ...invoicesOf(1)];
  const asOf = async () => (await page.getByTestId('as-of').getAttribute('data-value'))!;
  /** The totals per org as the table shows them, in cents. */
  const orgTotals = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="org-total"]')].map((row) => ({
        org: row.getAttribute('data-org')!,
        currency: row.getAttribute('data-currency')!,
        count: Number(row.getAttribute('data-count')),
        total: Math.round(Number(row.getAttribute('data-total')) * 100),
        balance: Math.round(Number(row.getAttribute('data-balance')) * 100),
      })),
    );

  /** Waits until the grid shows `search`'s rows and nothing is busy; then the cards and the totals per org equal independent sums of them. */
  async function expectFiguresOf(search: string): Promise<void> {
    const day = await asOf();
    const rows = [0, 1].map((k) => expectedFilter(invoicesOf(k), { search }, day));
    await page.waitForFunction((n) => document.querySelector('[data-testid="row-count"]')?.getAttribute('data-visible') === String(n), rows[0]!.length + rows[1]!.length, { timeout: 20_000 });
    await page.locator('[data-testid="summary"][aria-busy="true"], [data-testid="org-totals"][aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 15_000 });
    expect(cents(await readSummary(page))).toEqual(cents(expectedSummary([...rows[0]!, ...rows[1]!], day)));
    const shown = await orgTotals();
    for (const k of [0, 1]) {
      const label = ORGS[k]!.label;
      expect(shown.filter((row) => row.org === label).map(({ org: _org, ...figures }) => figures)).toEqual(cents(expectedSummary(rows[k]!, day)));
    }
  }

  beforeAll(async () => {
    for (const { seed } of ORGS) orgs.push(await startOrg({ invoices: INVOICES, seed, multiCurrency: true }));
    browser = await launchChromium();
    harness = await startHarness({ browser, extraLoginOrigins: orgs.map((o) => o.url), loginAgent: () => (agent = new PlaywrightLoginAgent(browser)) });
    page = harness.page;
    for (const k of [0, 1]) await connectTestCore(harness.testCore, orgs[k]!, { agent, label: ORGS[k]!.label });
    await page.reload();
    const switcher = page.getByTestId('connection-switcher');
    await switcher.locator('summary').click();
    await switcher.getByTestId('pick-all-connections').click();
    await page.getByTestId('all-connections').waitFor();
    await page.waitForFunction(
      (n) => {
        const count = document.querySelector('[data-testid="row-count"]');
        return count?.getAttribute('data-total') === String(n) && count.getAttribute('data-complete') === 'true' && !document.querySelector('[data-testid="sync-all"][aria-busy="true"]');
      },
      2 * INVOICES,
      { timeout: 120_000 },
    );
    await page.getByTestId('per-org-toggle').click();
  }, 240_000);
  afterAll(async () => {
    await harness?.close();
    await agent?.dispose();
    await browser?.close();
    for (const org of orgs) await org.stop().catch(() => undefined);
  });

  it('shows every org’s rows with the cards and the totals per org over all of them', async () => {
    expect(both().length).toBe(2 * INVOICES);
    await expectFiguresOf('');
  });

  it("paints a keystroke's rows first, the cards and the totals per org still the last ones and marked busy; then both equal the rows shown", async () => {
    const search = 'sch';
    const rows = expectedFilter(both(), { search }, await asOf()).length;
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(2 * INVOICES);
    const frames = await page.evaluate(async (value) => {
      const read = () => ({
        visible: document.querySelector('[data-testid="row-count"]')!.getAttribute('data-visible'),
        busy: document.querySelector('[data-testid="summary"]')!.getAttribute('aria-busy'),
        orgBusy: document.querySelector('[data-testid="org-totals"]')!.getAttribute('aria-busy'),
        cards: [...document.querySelectorAll('[data-testid="currency-card"] [data-testid="currency-balance"]')].map((cell) => cell.getAttribute('data-amount')).join(' '),
        orgs: [...document.querySelectorAll('[data-testid="org-total"]')].map((row) => row.getAttribute('data-balance')).join(' '),
      });
      const before = read();
      const input = document.getElementById('invoice-search') as HTMLInputElement;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return { before, first: read() };
    }, search);
    expect([frames.before.busy, frames.before.orgBusy]).toEqual([null, null]);
    // The first frame after the keystroke: the grid's count; the figures still the last view's, marked behind.
    expect(frames.first.visible).toBe(String(rows));
    expect([frames.first.busy, frames.first.orgBusy]).toEqual(['true', 'true']);
    expect([frames.first.cards, frames.first.orgs]).toEqual([frames.before.cards, frames.before.orgs]);
    // …then they catch up, over exactly the rows shown.
    await expectFiguresOf(search);
    // Typed on and deleted back: never left on an older search.
    await page.getByTestId('search').focus();
    await page.keyboard.type('m');
    await expectFiguresOf('schm');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await expectFiguresOf('sc');
    await page.getByTestId('search').fill('');
    await expectFiguresOf('');
  });
});
