import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FreshnessStatus, Result } from '../../../electron/contract';
import { ManualClock } from '../../support/test-ports';
import { poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';

/**
 * The workspace while Budgetly keeps itself fresh: records change at the org, the schedule is
 * advanced on the core's ManualClock, and the table updates in place — scroll position, filters,
 * selection and the open detail panel stay; the one freshness line ("Updated just now · 1 changed") and a brief highlight
 * say what changed; its tooltip says when the next update comes, the line itself why none comes offline.
 */
const MINUTE = 60_000;
const clock = new ManualClock(Date.now());
let w: WorkspaceFixture;

const grid = () => w.page.getByTestId('invoice-grid');
const scrollTop = () => grid().evaluate((el) => el.scrollTop);
const selectedId = () => w.page.locator('[role="row"][aria-selected="true"]').getAttribute('data-invoice-id');
const rowsOnScreen = () =>
  w.page.evaluate(() => {
    const box = document.querySelector('[data-testid="invoice-grid"]')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('.grid-body [role="row"]')]
      .filter((row) => {
        const r = row.getBoundingClientRect();
        return r.top >= box.top + 40 && r.bottom <= box.bottom;
      })
      .map((row) => row.dataset.invoiceId!);
  });
/**
 * Records every row the table highlights, as it gets highlighted, with its animation at that moment. The
 * highlight lasts 4 s on the page's own clock; reading `.grid-row.changed` after waiting for the "Updated"
 * line could miss it on a loaded machine (the test then failed), so the rows are caught when it starts.
 */
async function watchHighlights(): Promise<() => Promise<{ id: string; animation: string }[]>> {
  await w.page.evaluate(() => {
    const seen: { id: string; animation: string }[] = [];
    (window as unknown as { __highlights: typeof seen }).__highlights = seen;
    const note = (node: Node) => {
      if (!(node instanceof HTMLElement)) return;
      const rows = node.matches('.grid-row.changed') ? [node] : [...node.querySelectorAll<HTMLElement>('.grid-row.changed')];
      for (const row of rows) seen.push({ id: row.dataset.invoiceId ?? '', animation: getComputedStyle(row).animationName });
    };
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        if (mutation.type === 'attributes') note(mutation.target);
        else mutation.addedNodes.forEach(note);
      }
    }).observe(document.querySelector('[data-testid="invoice-grid"]')!, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
  });
  return () => w.page.evaluate(() => (window as unknown as { __highlights: { id: string; animation: string }[] }).__highlights.slice());
}

const plan = async () => {
  const status = (await w.harness.testCore.call('freshness.status')) as Result<FreshnessStatus>;
  return status.ok ? status.value.connections[0] : undefined;
};

beforeAll(async () => {
  w = await startWorkspace({ harness: { clock }, connect: true });
  const before = w.harness.testCore.events.of('invoices.changed').length;
  await w.harness.testCore.core.start(); // the launch sync
  await until(async () => w.harness.testCore.events.of('invoices.changed').length > before && Boolean((await plan())?.nextAttemptAt));
});

/** Waits for a condition outside a test (expect.poll only works inside one). */
async function until(check: () => Promise<boolean>, timeout = 30_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
afterAll(async () => w?.close());

describe('fresh without asking', () => {
  it('a background sync updates the table in place: scroll, filter, selection and detail panel stay; changes are flagged quietly', async () => {
    const { page, org } = w;
    await page.getByTestId('filter-currency').getByLabel('USD', { exact: true }).check();
    await poll(() => page.getByTestId('filter-chips').textContent()).toContain('USD');
    const count = page.getByTestId('row-count');
    await poll(async () => Number(await count.getAttribute('data-visible')) < Number(await count.getAttribute('data-total'))).toBe(true);
    const filteredBefore = Number(await page.getByTestId('row-count').getAttribute('data-visible'));
    await grid().evaluate((el) => (el.scrollTop = 34 * 60));
    await poll(async () => (await rowsOnScreen()).length).toBeGreaterThan(6);
    const [deletedId, , openId] = (await rowsOnScreen()) as [string, string, string];
    await page.locator(`[data-invoice-id="${openId}"]`).click();
    const title = await page.locator('#detail-title').textContent();
    expect(await selectedId()).toBe(openId);
    // The user reads on: the selected (open) invoice scrolls out of view.
    await grid().evaluate((el) => (el.scrollTop += 34 * 40));
    // Wait for the virtual rows of the new position to be drawn (a busy machine draws them late).
    await poll(async () => {
      const rows = await rowsOnScreen();
      return rows.length > 6 && !rows.includes(openId);
    }).toBe(true);
    const [changedId] = (await rowsOnScreen()).slice(3) as [string];
    const scrolled = await scrollTop();
    expect(scrolled).toBeGreaterThan(3000);

    // At the org: the open invoice and one on screen change, one above the selection goes, one is new.
    org.control.updateInvoices([openId, changedId], { Balance: 12.34 });
    org.control.deleteInvoices([deletedId]);
    org.control.createInvoices(1);
    const highlights = await watchHighlights();
    clock.advance(15 * MINUTE);

    const indicator = page.getByTestId('freshness-status');
    await poll(() => indicator.textContent()).toBe('Updated just now · 1 new · 2 changed · 1 deleted');
    await poll(async () => (await highlights()).map((row) => row.id)).toContain(changedId);
    // Only the changed row on screen flashes (the open invoice changed too, but is scrolled out of view).
    expect(new Set((await highlights()).map((row) => row.id))).toEqual(new Set([changedId]));
    expect((await highlights()).every((row) => row.animation === 'row-changed')).toBe(true);
    await w.harness.screenshot('freshness-updated-in-place');

    // What the user was looking at is still there, with the new values.
    expect(await page.locator(`[data-invoice-id="${changedId}"] [data-column="balance"]`).textContent()).toBe('$12.34');
    expect(await scrollTop()).toBe(scrolled);
    // Back up: the selection is still the open invoice (one row higher now), the deleted one is gone.
    await grid().evaluate((el) => (el.scrollTop -= 34 * 40));
    await poll(async () => (await rowsOnScreen()).includes(openId)).toBe(true);
    expect(await selectedId()).toBe(openId);
    expect(await page.locator(`[data-invoice-id="${deletedId}"]`).count()).toBe(0);
    expect(await page.locator('#detail-title').textContent()).toBe(title);
    await poll(() => page.getByTestId('detail-balance').textContent()).toBe('$12.34');
    expect(await page.getByTestId('filter-chips').textContent()).toContain('USD');
    const filteredAfter = Number(await page.getByTestId('row-count').getAttribute('data-visible'));
    expect(filteredAfter - filteredBefore).toBeGreaterThanOrEqual(-1);
    expect(filteredAfter - filteredBefore).toBeLessThanOrEqual(0);
    // No dialog, no banner: only the quiet line, whose tooltip says when the next update comes.
    expect(await page.locator('dialog[open], [role="alert"]').count()).toBe(0);
    const status = page.getByTestId('freshness-status');
    // (The core's ManualClock runs ahead of the page's clock here: a sync "in the future" reads "just now".)
    await poll(() => status.getAttribute('title')).toMatch(/^Updated just now · 1 new · 2 changed · 1 deleted\n.*\nnext update \d{1,2}:\d{2}/);
    expect(await status.getAttribute('data-next-attempt')).toBe(new Date(clock.now() + 15 * MINUTE).toISOString());
  });

  it('with reduced motion the changed row is tinted, not animated', async () => {
    const { page, org } = w;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await poll(async () => (await rowsOnScreen()).length).toBeGreaterThan(0);
    const [id] = await rowsOnScreen();
    org.control.updateInvoices([id!], { Balance: 1.5 });
    const highlights = await watchHighlights();
    clock.advance(15 * MINUTE);
    await poll(() => page.getByTestId('freshness-status').textContent()).toBe('Updated just now · 1 changed');
    await poll(async () => (await highlights()).map((row) => row.id)).toContain(id);
    expect((await highlights()).filter((row) => row.id === id).every((row) => row.animation === 'none')).toBe(true);
    await page.emulateMedia({ reducedMotion: null });
  });

  it('offline: the status bar says so and nothing is attempted; back online, it updates at once', async () => {
    const { page, org } = w;
    const status = page.getByTestId('freshness-status');
    await w.harness.context.setOffline(true);
    await poll(() => status.getAttribute('data-reason')).toBe('offline');
    expect(await status.textContent()).toContain('Offline · updates when back online');
    const requests = org.control.counters().requests.queryAll ?? 0;
    const [id] = await rowsOnScreen();
    org.control.updateInvoices([id!], { Balance: 2.5 });
    clock.advance(60 * MINUTE);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(org.control.counters().requests.queryAll ?? 0).toBe(requests);
    await w.harness.context.setOffline(false);
    await poll(() => page.locator(`[data-invoice-id="${id}"] [data-column="balance"]`).textContent()).toBe('$2.50');
    await poll(() => status.getAttribute('data-reason')).toBe('');
    await w.harness.screenshot('freshness-back-online');
  });

  it('the switcher shows when each org was last synced; Settings sets the interval, or turns it off', async () => {
    const { page } = w;
    await page.getByTestId('connection-switcher').locator('summary').click();
    await poll(() => page.getByTestId('connection-freshness').first().textContent()).toMatch(/^synced /);
    await page.getByTestId('connection-switcher').locator('summary').click();
    const status = page.getByTestId('freshness-status');
    await page.getByTestId('open-settings').click();
    const interval = page.getByTestId('settings-sync-interval');
    expect(await interval.getByLabel('Every 15 minutes').isChecked()).toBe(true);
    await interval.getByLabel('Every hour').check();
    await poll(() => status.getAttribute('data-next-attempt')).toBe(new Date(clock.now() + 60 * MINUTE).toISOString());
    await interval.getByLabel(/^Off/).check();
    await poll(() => status.getAttribute('title')).toContain('automatic updates off');
    expect(await status.getAttribute('data-next-attempt')).toBe('');
    await w.harness.screenshot('freshness-settings-interval');
    await interval.getByLabel('Every 15 minutes').check();
    await poll(() => status.getAttribute('data-next-attempt')).toBe(new Date(clock.now() + 15 * MINUTE).toISOString());
    await page.getByRole('button', { name: 'Done' }).click();
  });

  it('a sign-in revoked while the app sits idle becomes the reconnect banner at the next attempt, never a dialog', async () => {
    const { page, org } = w;
    org.control.revokeAllTokens();
    org.control.expireSessions();
    clock.advance(15 * MINUTE);
    await page.getByTestId('banner-reconnect').waitFor({ timeout: 20_000 });
    const status = page.getByTestId('freshness-status');
    await poll(() => status.textContent()).toContain('Reconnect needed · paused until you reconnect');
    expect(await page.locator('dialog[open], [data-testid="banner-error"]').count()).toBe(0);
    expect(Number(await page.getByTestId('row-count').getAttribute('data-total'))).toBeGreaterThan(0);
    await w.harness.screenshot('freshness-reconnect-needed');
  });
});
