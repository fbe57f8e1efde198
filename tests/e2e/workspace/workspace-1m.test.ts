import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../support/csv';
import { tempDir } from '../../support/test-ports';
import { expectedFilter, type Filter, type OrgInvoice } from './expected';
import { expectView } from './view-assertions';
import { poll, startWorkspace, type WorkspaceFixture } from './workspace-fixture';
import { exportCsvRightAfterTyping, renderedNumbers, waitForVisibleCount } from './workspace-driver';

/** Until every invoice of the list is loaded in the grid (the harness crosses the windows as JSON: ~40 s at 1M here). */
const ALL_ROWS_MS = 600_000;
/** Until a view of the million is on screen and its cards caught up (they follow the grid by a render from 20,000 rows). */
const VIEW_MS = 120_000;

/**
 * Issue #19's "1M in the grid", as a user checks it: a million invoices synced from the local org and loaded in the
 * grid, whose totals, one search and one sort equal an independent computation over the org's records (expected.ts:
 * per-currency count, total, balance, drafts/cancelled left out, aging; the rows on screen in the expected order, at
 * the top and at the end of the list). The org has no payments, as the bench's "grid of a million"; how fast is the
 * bench's, this file proves the figures at that size.
 * One invoice more than a million (review28, 2026-12-07): the rows then follow the search box in a deferred render
 * (use-invoice-view.ts's SYNC_FILTER_ROWS is 1,000,000, the bench's size), so these checks cover the path a larger org
 * takes — the synchronous one below the line is the same code as workspace-100k's — and the list's last window holds a
 * single row.
 */
describe('1,000,000 invoices', () => {
  let w: WorkspaceFixture;
  // Emptied after the file: the level's worker process runs other files after this one (vitest.config.ts, isolate: false).
  let invoices: OrgInvoice[] = [];
  const files = tempDir('budgetly-1m-');
  const byInvoiceDateDesc = { key: 'invoiceDate', desc: true } as const;

  /** Waits until the grid shows `rows` invoices and the cards are no longer behind it, then checks the view. */
  async function expectSettledView(rows: number, filter: Filter, sort: Parameters<typeof expectView>[3]) {
    await waitForVisibleCount(w.page, rows, VIEW_MS);
    await w.page.locator('[data-testid="summary"][aria-busy="true"]').waitFor({ state: 'detached', timeout: VIEW_MS });
    return expectView(w.page, invoices, filter, sort);
  }

  beforeAll(async () => {
    w = await startWorkspace({ connect: true, org: { invoices: 1_000_001, multiCurrency: true, payments: false }, syncTimeout: ALL_ROWS_MS });
    invoices = w.invoices();
    await waitForVisibleCount(w.page, invoices.length, ALL_ROWS_MS);
  }, ALL_ROWS_MS + 300_000);
  afterAll(async () => {
    await w?.close();
    invoices = [];
  });

  it('totals every invoice as the org’s records add up, newest first', async () => {
    await expectSettledView(invoices.length, {}, byInvoiceDateDesc);
  });

  it('searches the million: the rows and cards of exactly the matching invoices', async () => {
    await w.page.getByTestId('search').fill('schm');
    const asOf = (await w.page.getByTestId('as-of').getAttribute('data-value'))!;
    const found = expectedFilter(invoices, { search: 'schm' }, asOf).length;
    expect(found).toBeGreaterThan(0);
    const shown = await expectSettledView(found, { search: 'schm' }, byInvoiceDateDesc);
    expect(shown.length).toBe(found);
    await w.page.getByTestId('search').fill('');
    await expectSettledView(invoices.length, {}, byInvoiceDateDesc);
  });

  /**
   * Found by review28 (2026-12-07): with the rows a deferred render behind the search box, an invoice number pasted and
   * Enter pressed before they caught up opened the first row of the previous view (the list's newest invoice, 3 of 3).
   */
  it('opens the invoice whose number was pasted even when Enter comes before the rows caught up', async () => {
    const panel = w.page.getByTestId('detail-panel');
    for (const at of [12_345, invoices.length - 2]) {
      const number = invoices[at]!.number;
      // A paste, then Enter one task later (a scanner, a quick hand): the rows of a million are not there yet.
      await w.page.evaluate(async (value) => {
        const input = document.getElementById('invoice-search') as HTMLInputElement;
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((resolve) => setTimeout(resolve, 0));
        input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      }, number);
      await expect.poll(() => panel.getByRole('heading', { level: 2 }).textContent(), { timeout: VIEW_MS }).toBe(`Invoice ${number}`);
      await w.page.getByTestId('search').fill('');
      await waitForVisibleCount(w.page, invoices.length, VIEW_MS);
      await w.page.getByTestId('search').press('Escape'); // nothing left to clear: closes the panel
      await poll(() => panel.count()).toBe(0);
    }
  });

  /**
   * Found by review29 (2026-12-07; review28's low): with the rows a deferred render behind the search box, an export asked
   * before they caught up wrote the previous view's rows (every invoice) under the words of the search typed.
   */
  it('exports the rows of the search typed even when asked before the rows caught up', async () => {
    const asOf = (await w.page.getByTestId('as-of').getAttribute('data-value'))!;
    const expected = expectedFilter(invoices, { search: 'schm' }, asOf);
    const csvPath = join(files.dir, 'typed.csv');
    w.harness.testCore.saveDialog.answer = csvPath;
    // The keystroke and the export in one go, as workspace-100k's: the rows of a million are not there yet.
    // The grid says its rows are behind (aria-busy, and a line above it once that lasts: summary-busy.css).
    const behindAtExport = await exportCsvRightAfterTyping(w.page, 'schm', '[data-testid="invoice-grid"]');
    expect(behindAtExport).toBe('true');
    await expect.poll(() => w.page.getByTestId('export-status').getAttribute('data-state'), { timeout: VIEW_MS }).toBe('done');
    const [, ...lines] = parseCsv(readFileSync(csvPath, 'utf8').slice(1)).filter((r) => r.length > 1);
    const exported = lines.map((r) => r[0]!);
    expect(exported.length).toBe(expected.length);
    expect([...exported].sort()).toEqual(expected.map((i) => i.number).sort());
    // In the order on screen, once the rows caught up (and the grid no longer busy).
    await waitForVisibleCount(w.page, expected.length, VIEW_MS);
    await poll(() => w.page.getByTestId('invoice-grid').getAttribute('aria-busy')).toBe(null);
    const onScreen = await renderedNumbers(w.page);
    expect(exported.slice(0, onScreen.length)).toEqual(onScreen);
    await w.page.getByTestId('search').fill('');
    await waitForVisibleCount(w.page, invoices.length, VIEW_MS);
  });

  let sorted: OrgInvoice[] = [];

  it('sorts the million by a column, in the order an independent sort gives', async () => {
    const header = w.page.getByRole('columnheader', { name: 'Balance', exact: true });
    await header.getByRole('button').click();
    await poll(() => header.getAttribute('aria-sort')).toBe('descending');
    sorted = await expectSettledView(invoices.length, {}, { key: 'balance', desc: true });
  });

  /**
   * Found by this test (2026-12-06), fixed by scroll19: Chromium caps an element's height at 33,554,431 px, and the grid's
   * scroll space was rows × 34 px (34,000,000 at 1,000,000 rows): End stopped at row 986,896. The grid now caps its scroll
   * space (use-row-window's MAX_SCROLL_SPACE) and maps the scroll to the rows proportionally: End reaches the last row.
   */
  it('shows the last of the million sorted rows at End (the end of the list: ties, empty values last)', async () => {
    await w.page.getByTestId('invoice-grid').focus();
    await w.page.keyboard.press('End');
    await expect.poll(async () => (await renderedNumbers(w.page)).at(-1), { timeout: 5_000 }).toBe(sorted.at(-1)!.number);
    const last = await renderedNumbers(w.page);
    expect(last.length).toBeGreaterThan(9);
    expect(last).toEqual(sorted.slice(-last.length).map((r) => r.number));
  });
});
