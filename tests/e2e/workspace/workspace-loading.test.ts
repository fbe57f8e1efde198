import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection, Result, SavedViewList } from '../../../electron/contract';
import { viewState } from '../../support/view-state';
import { expectedSort } from './expected';
import { expectView } from './view-assertions';
import { expectAccessible, poll, startWorkspace, type WorkspaceFixture } from './workspace-fixture';
import { renderedNumbers, waitForSynced } from './workspace-driver';

/**
 * Added before every page load: holds the list windows after the first one (offset > 0, as rows or as columns)
 * until the test releases them, so "the rest is still loading" lasts as long as the test needs
 * (no timing involved). With `__failWindows` set, those windows fail as a broken core would answer.
 * Plain JS text: the page has none of the test's helpers.
 */
const HOLD_LATER_WINDOWS = `(() => {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  window.__releaseWindows = () => release();
  window.__heldWindows = 0;
  window.__failWindows = false;
  const install = () => {
    const original = window.__budgetlyInvoke;
    if (typeof original !== 'function' || original.__held) return;
    const held = async (channel, input) => {
      if ((channel === 'invoices.list' || channel === 'invoices.listColumns') && input && input.offset > 0) {
        window.__heldWindows++;
        await gate;
        if (window.__failWindows) return { ok: false, error: { code: 'STORAGE', message: 'The offline copy could not be read.' } };
      }
      return original(channel, input);
    };
    held.__held = true;
    window.__budgetlyInvoke = held;
  };
  install();
  document.addEventListener('readystatechange', install);
})();`;

type Probe = { __heldWindows: number; __releaseWindows(): void; __failWindows: boolean };
const held = (page: Page) => page.evaluate(() => (window as unknown as Probe).__heldWindows);
const release = (page: Page) => page.evaluate(() => (window as unknown as Probe).__releaseWindows());

describe('opening the workspace on a large offline copy', () => {
  let w: WorkspaceFixture;
  let connectionId: string;

  beforeAll(async () => {
    w = await startWorkspace({ connect: true, org: { invoices: 3000, multiCurrency: true } });
    const connections = (await w.harness.testCore.call('connections.list')) as Result<Connection[]>;
    connectionId = connections.ok ? connections.value[0]!.id : '';
    await w.harness.context.addInitScript({ content: HOLD_LATER_WINDOWS });
  });
  afterAll(async () => w?.close());

  /** The app opened again (the core keeps its copy): the first window arrives, the later ones are held. */
  async function reopenWithRestHeld(): Promise<void> {
    await w.page.reload();
    await poll(() => held(w.page)).toBeGreaterThan(0);
  }

  const count = () => w.page.getByTestId('row-count');

  it('shows the newest invoices at once; the count, totals, aging, search, filters and export wait until every invoice is there', async () => {
    const { page } = w;
    const invoices = w.invoices();
    await reopenWithRestHeld();
    const asOf = (await page.getByTestId('as-of').getAttribute('data-value'))!;
    const top = expectedSort(invoices, 'invoiceDate', true, asOf).map((invoice) => invoice.number);

    // The first rows on screen are the top of the default order.
    await poll(async () => (await renderedNumbers(page)).length).toBeGreaterThan(5);
    const first = await renderedNumbers(page);
    expect(first).toEqual(top.slice(0, first.length));

    // Loading says how far it is; no count, no total and no aging passes for the whole.
    await poll(() => count().textContent()).toContain('Loading invoices… 500 of 3,000');
    expect(await count().getAttribute('data-complete')).toBe('false');
    expect(await count().getAttribute('aria-busy')).toBe('true');
    expect(await count().getAttribute('data-total')).toBeNull();
    expect(await page.getByTestId('list-progress').evaluate((el) => [(el as HTMLProgressElement).value, (el as HTMLProgressElement).max])).toEqual([500, 3000]);
    expect(await page.getByTestId('currency-card').count()).toBe(0);
    expect(await page.getByTestId('summary-loading').textContent()).toContain('appear when all 3,000 invoices are loaded');
    expect(await page.getByTestId('search').isDisabled()).toBe(true);
    expect(await page.getByTestId('export-csv').isDisabled()).toBe(true);
    expect(await page.getByRole('grid').getAttribute('aria-rowcount')).toBe('501');
    await expectAccessible(page, 'workspace while the invoices load');
    // The totals' placeholder is as tall as the cards were at the last start (same window): the grid will not move.
    const gridTop = async () => (await page.getByRole('grid').boundingBox())!.y;
    const topWhileLoading = await gridTop();

    await release(page);
    await poll(() => count().getAttribute('data-complete')).toBe('true');
    // Everything is there and right: count, per-currency totals, aging, the rows in order — and the rows did not move.
    await expectView(page, invoices, {}, { key: 'invoiceDate', desc: true });
    expect(await gridTop()).toBeCloseTo(topWhileLoading, 0);
    const after = await renderedNumbers(page);
    expect(after.length).toBeGreaterThan(5);
    expect(after).toEqual(first.slice(0, after.length));
    expect(await page.getByTestId('search').isDisabled()).toBe(false);
    expect(await page.getByTestId('export-csv').isDisabled()).toBe(false);
    expect(await page.getByTestId('summary-loading').count()).toBe(0);
    await waitForSynced(page, invoices.length);
  });

  it('a search typed before the app quits does not set the totals\' placeholder of the next start: the grid still does not move', async () => {
    const { page } = w;
    await reopenWithRestHeld();
    await release(page);
    await poll(() => count().getAttribute('data-complete')).toBe('true');
    const cards = async () => (await page.getByTestId('summary').boundingBox())!.height;
    const whole = await cards();
    // One invoice found: one currency's card (fewer cards, another height) — what the window showed last.
    const number = (await renderedNumbers(page))[0]!;
    await page.getByTestId('search').fill(number);
    await poll(() => page.getByTestId('currency-card').count()).toBe(1);
    await poll(cards).not.toBeCloseTo(whole, 0);

    await reopenWithRestHeld();
    const gridTop = async () => (await page.getByRole('grid').boundingBox())!.y;
    await poll(async () => (await renderedNumbers(page)).length).toBeGreaterThan(5);
    const topWhileLoading = await gridTop();
    await release(page);
    await poll(() => count().getAttribute('data-complete')).toBe('true');
    expect(await page.getByTestId('currency-card').count()).toBeGreaterThan(1);
    expect(await gridTop()).toBeCloseTo(topWhileLoading, 0);
  });

  it('a sync that changes the invoices while they load: the loading starts over and ends exactly as the org is, never mixed', async () => {
    const { page, org } = w;
    await reopenWithRestHeld();
    await poll(() => count().textContent()).toContain('of 3,000');
    // New invoices (dated today: the top of the list, so every later window of the old copy would be shifted) and deleted ones.
    const gone = org.control.records('Invoice').slice(0, 4).map((record) => record.Id as string);
    org.control.createInvoices(7);
    org.control.deleteInvoices(gone);
    const sync = await w.harness.testCore.call('invoices.sync', { connectionId });
    expect(sync.ok, JSON.stringify(sync)).toBe(true);
    await poll(() => count().textContent()).toContain('of 3,003');

    await release(page);
    await poll(() => count().getAttribute('data-complete')).toBe('true');
    const invoices = w.invoices();
    expect(invoices).toHaveLength(3003);
    await expectView(page, invoices, {}, { key: 'invoiceDate', desc: true });
    const shownIds = await page.$$eval('[role="grid"] .grid-body [role="row"]', (rows) => rows.map((row) => row.getAttribute('data-invoice-id')));
    for (const id of gone) expect(shownIds).not.toContain(id);
    await waitForSynced(page, invoices.length);
  });

  it('a window that fails keeps the rows on screen and says so; Try again loads the rest', async () => {
    const { page } = w;
    const invoices = w.invoices();
    await reopenWithRestHeld();
    const first = await renderedNumbers(page);
    await page.evaluate(() => ((window as unknown as Probe).__failWindows = true));
    await release(page);
    const alert = page.getByTestId('list-error');
    await poll(() => alert.textContent()).toContain('could not load the rest of the invoices: The offline copy could not be read.');
    // The same rows stay (fewer fit under the message).
    const kept = await renderedNumbers(page);
    expect(kept.length).toBeGreaterThan(5);
    expect(kept).toEqual(first.slice(0, kept.length));
    expect(await count().getAttribute('data-complete')).toBe('false');
    expect(await page.getByTestId('currency-card').count()).toBe(0);

    await page.evaluate(() => ((window as unknown as Probe).__failWindows = false));
    await alert.getByRole('button', { name: 'Try again' }).click();
    await poll(() => count().getAttribute('data-complete')).toBe('true');
    expect(await alert.count()).toBe(0);
    await expectView(page, invoices, {}, { key: 'invoiceDate', desc: true });
  });

  it('with a saved default view, a window that fails shows the rows that arrived and the error, not the wait for the view; Try again opens the view', async () => {
    const { page } = w;
    const invoices = w.invoices();
    const core = w.harness.testCore;
    const saved = (await core.call('views.save', { connectionId, name: 'Largest first', state: viewState({ sort: { column: 'total', desc: true } }) })) as Result<SavedViewList>;
    const view = saved.ok ? saved.value.views.find((candidate) => candidate.name === 'Largest first')! : null;
    expect(await core.call('views.update', { connectionId, id: view!.id, isDefault: true })).toMatchObject({ ok: true });

    await reopenWithRestHeld();
    // Waiting for the view is said to a screen reader too.
    const pending = page.getByTestId('default-view-pending');
    await poll(() => pending.textContent()).toContain('Largest first');
    expect(await pending.getAttribute('role')).toBe('status');
    expect(await renderedNumbers(page)).toEqual([]);

    await page.evaluate(() => ((window as unknown as Probe).__failWindows = true));
    await release(page);
    const alert = page.getByTestId('list-error');
    await poll(() => alert.textContent()).toContain('could not load the rest of the invoices: The offline copy could not be read.');
    // The view cannot open on part of the list: the rows that arrived show, in the default order, under the error.
    await poll(async () => (await renderedNumbers(page)).length).toBeGreaterThan(5);
    expect(await pending.count()).toBe(0);
    const asOf = (await page.getByTestId('as-of').getAttribute('data-value'))!;
    const arrived = expectedSort(invoices, 'invoiceDate', true, asOf).map((invoice) => invoice.number);
    const shown = await renderedNumbers(page);
    expect(shown).toEqual(arrived.slice(0, shown.length));

    await page.evaluate(() => ((window as unknown as Probe).__failWindows = false));
    await alert.getByRole('button', { name: 'Try again' }).click();
    await poll(() => count().getAttribute('data-complete')).toBe('true');
    await expectView(page, invoices, {}, { key: 'total', desc: true });

    expect(await core.call('views.delete', { connectionId, id: view!.id })).toMatchObject({ ok: true });
  });

  it('a column sorted while the invoices load sorts those that have arrived, then the whole list once all are there', async () => {
    const { page } = w;
    const invoices = w.invoices();
    await reopenWithRestHeld();
    const header = page.locator('[role="columnheader"][data-column="customer"]');
    await header.locator('button').click();
    await poll(() => header.getAttribute('aria-sort')).toMatch(/ascending|descending/);
    const desc = (await header.getAttribute('aria-sort')) === 'descending';
    const asOf = (await page.getByTestId('as-of').getAttribute('data-value'))!;
    const arrived = expectedSort(invoices, 'invoiceDate', true, asOf).slice(0, 500);
    const top = expectedSort(arrived, 'customer', desc, asOf).map((invoice) => invoice.number);
    await poll(async () => {
      const shown = await renderedNumbers(page);
      return shown.length > 5 && shown.every((number, i) => number === top[i]);
    }).toBe(true);
    expect(await count().textContent()).toContain(`Loading invoices… 500 of ${invoices.length.toLocaleString('en-US')}`);
    expect(await page.getByTestId('currency-card').count()).toBe(0);

    await release(page);
    await poll(() => count().getAttribute('data-complete')).toBe('true');
    await expectView(page, invoices, {}, { key: 'customer', desc });
  });
});
