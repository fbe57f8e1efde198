import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, poll, startWorkspace, type WorkspaceFixture } from './workspace-fixture';
import { renderedNumbers, waitForSynced, waitForVisibleCount } from './workspace-driver';

/**
 * "What changed": the first sync says it loaded the invoices (never "600 new"); after Salesforce changes, deletes
 * and adds invoices, the next sync's change log lists them — the deleted ones as they were (number, customer,
 * amount) — and the Last modified column sorts the latest change first. Checked against the org's own records.
 */
describe('what changed between syncs', () => {
  let w: WorkspaceFixture;
  const money = (amount: number, currency: string) => new Intl.NumberFormat('en-US', { style: 'currency', currency, currencySign: 'accounting' }).format(amount);

  beforeAll(async () => {
    w = await startWorkspace({ connect: true, org: { invoices: 600 } });
  });
  afterAll(async () => w?.close());

  const openLog = async () => {
    await w.page.getByTestId('freshness-changes').click();
    const log = w.page.getByTestId('change-log');
    await log.getByTestId('change-log-sync').first().waitFor();
    return log;
  };
  const closeLog = async () => {
    await w.page.getByTestId('change-log').getByRole('button', { name: 'Close' }).last().click();
    await poll(() => w.page.getByTestId('change-log').count()).toBe(0);
  };

  it('announces the first sync as loaded, not as new, and highlights no row', async () => {
    const indicator = w.page.getByTestId('freshness-status');
    await poll(() => indicator.textContent()).toBe('Updated just now · 600 invoices loaded');
    expect(await w.page.locator('.grid-body .grid-row.changed').count()).toBe(0);
    const log = await openLog();
    const syncs = log.getByTestId('change-log-sync');
    expect(await syncs.count()).toBe(1);
    expect(await syncs.first().getAttribute('data-first')).toBe('true');
    expect(await syncs.first().locator('h3').textContent()).toMatch(/: 600 invoices loaded$/);
    expect(await log.getByTestId('change-log-entry').count()).toBe(0);
    await closeLog();
  });

  it('lists what the next sync added, changed and deleted — the deleted invoices as they were', async () => {
    const before = w.org.control.records('Invoice');
    const [changedA, changedB, deletedA, deletedB] = [before[10]!, before[20]!, before[30]!, before[40]!];
    w.org.control.updateInvoices([changedA.Id as string, changedB.Id as string], { Balance: 12.34 });
    w.org.control.deleteInvoices([deletedA.Id as string, deletedB.Id as string]);
    const [createdId] = w.org.control.createInvoices(1);
    const created = w.org.control.records('Invoice').find((r) => r.Id === createdId)!;

    await w.page.getByTestId('sync-button').click();
    await poll(() => w.page.getByTestId('freshness-status').textContent()).toBe('Updated just now · 1 new · 2 changed · 2 deleted');
    const log = await openLog();
    const newest = log.getByTestId('change-log-sync').first();
    expect([await newest.getAttribute('data-added'), await newest.getAttribute('data-changed'), await newest.getAttribute('data-deleted')]).toEqual(['1', '2', '2']);
    expect(await log.getByTestId('change-log-sync').count()).toBe(2);

    const rowsOf = async (kind: string) =>
      newest.locator(`[data-testid="change-log-entry"][data-kind="${kind}"]`).evaluateAll((rows) =>
        rows.map((row) => ({ id: row.getAttribute('data-id'), cells: [...row.querySelectorAll('td')].map((td) => td.firstChild?.textContent ?? '') })),
      );
    const expected = (r: Record<string, unknown>) => ({
      id: r.Id,
      cells: [r.DocumentNumber, (r.BillingAccount as { Name: string }).Name, money(r.TotalAmountWithTax as number, (r.CurrencyIsoCode as string) ?? 'USD'), money(r.Balance as number, (r.CurrencyIsoCode as string) ?? 'USD')],
    });
    // Deleted: as they were before Salesforce deleted them (the org's records from before).
    expect(await rowsOf('deleted')).toEqual(expect.arrayContaining([expected(deletedA), expected(deletedB)]));
    expect(await rowsOf('deleted')).toHaveLength(2);
    expect(await rowsOf('added')).toEqual([expected(created)]);
    const changed = await rowsOf('changed');
    expect(changed.map((r) => r.id).sort()).toEqual([changedA.Id, changedB.Id].sort());
    // The new balance as Salesforce now states it, in each invoice's currency.
    const currencyOf = (id: string | null) => (before.find((r) => r.Id === id)!.CurrencyIsoCode as string) ?? 'USD';
    expect(changed.map((r) => r.cells[3])).toEqual(changed.map((r) => money(12.34, currencyOf(r.id))));
    expect(await newest.locator('[data-kind="changed"] .hint').first().textContent()).toBe('Changed: Balance');
    await w.harness.screenshot('change-log');
    await expectAccessible(w.page, 'change log');
    await closeLog();
  });

  it('shows a Last modified column on request, sorted with the latest change first', async () => {
    const menu = w.page.getByTestId('columns-menu');
    await menu.locator('summary').click();
    await menu.getByLabel('Last modified').check();
    await menu.locator('summary').click();
    const header = w.page.getByRole('columnheader', { name: 'Last modified', exact: true });
    await header.getByRole('button').click();
    await header.getByRole('button').click();
    await poll(() => header.getAttribute('aria-sort')).toBe('descending');
    const records = w.org.control.records('Invoice');
    const latest = [...records].sort((a, b) => Date.parse(b.LastModifiedDate as string) - Date.parse(a.LastModifiedDate as string)).slice(0, 3);
    expect((await renderedNumbers(w.page)).slice(0, 3)).toEqual(latest.map((r) => r.DocumentNumber));
    const shown = await w.page.locator('.grid-body [aria-rowindex="2"] [data-column="lastModified"]').textContent();
    expect(shown).toBe(new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(latest[0]!.LastModifiedDate as string)));
  });

  it('filters "Changed since…" from the last visit: leaving the workspace records it, and the next visit starts there', async () => {
    // The visit is recorded (when the workspace opened, and when it is left); reloading the window starts a new visit,
    // whose "Changed since" starts from the one before: no earlier than that recorded time, no later than the reload.
    const lastVisits = async () => ((await w.harness.testCore.call('settings.get', undefined)) as { value: { lastVisits?: Record<string, string> } }).value.lastVisits ?? {};
    const recorded = Object.values(await lastVisits());
    expect(recorded).toHaveLength(1);
    const reloadedAt = Date.now();
    await w.page.reload();
    await waitForSynced(w.page);

    const records = w.org.control.records('Invoice');
    const touched = [records[100]!, records[200]!, records[300]!].map((r) => r.Id as string);
    w.org.control.updateInvoices(touched, { Balance: 1 });
    await w.page.getByTestId('sync-button').click();
    await poll(() => w.page.getByTestId('freshness-status').textContent()).toBe('Updated just now · 3 changed');

    const filter = w.page.getByTestId('filter-changed-since');
    await filter.getByTestId('changed-since-toggle').check();
    const visit = (await filter.getByTestId('changed-since-hint').getAttribute('data-since'))!;
    expect(Date.parse(visit)).toBeGreaterThanOrEqual(Date.parse(recorded[0]!));
    expect(Date.parse(visit)).toBeLessThanOrEqual(reloadedAt + 1000);
    // This visit is recorded too (for the next one).
    expect(Date.parse(Object.values(await lastVisits())[0]!)).toBeGreaterThanOrEqual(reloadedAt);
    expect(await filter.getByTestId('changed-since-hint').textContent()).toBe(`Since your last visit: ${new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(visit))}`);
    const d = new Date(visit);
    expect(await filter.getByTestId('changed-since').getAttribute('data-value')).toBe(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`);
    // The org's own modification times decide which invoices changed since then.
    const since = w.org.control.records('Invoice').filter((r) => Date.parse(r.LastModifiedDate as string) >= Date.parse(visit));
    expect(since.map((r) => r.Id)).toEqual(expect.arrayContaining(touched));
    await waitForVisibleCount(w.page, since.length);
    expect((await renderedNumbers(w.page)).sort()).toEqual(since.map((r) => r.DocumentNumber as string).sort().slice(0, 30));
    await w.harness.screenshot('changed-since-last-visit');
    // Its chip removes it.
    await w.page.getByRole('button', { name: /^Remove filter.*Changed since/ }).click();
    await waitForVisibleCount(w.page, w.org.control.records('Invoice').length);
  });

  it('"since my last visit" keeps what changed in Salesforce after the last sync the user saw, even before they left', async () => {
    const lastVisits = async () => ((await w.harness.testCore.call('settings.get', undefined)) as { value: { lastVisits?: Record<string, string> } }).value.lastVisits ?? {};
    // Salesforce changes two invoices while the user is in the workspace, before any sync brings them in.
    const records = w.org.control.records('Invoice');
    const unseen = [records[400]!, records[500]!].map((r) => r.Id as string);
    w.org.control.updateInvoices(unseen, { Balance: 2 });
    const changedAt = Math.max(...w.org.control.records('Invoice').filter((r) => unseen.includes(r.Id as string)).map((r) => Date.parse(r.LastModifiedDate as string)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The user puts the window out of sight (a visit ends), comes back another time (a new visit), and syncs.
    await w.page.evaluate(async () => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
      // After whatever that wrote: the renderer's next call to the core.
      await window.budgetly.settings.get();
    });
    expect(Date.parse(Object.values(await lastVisits())[0]!), 'the visit recorded when the window went out of sight').toBeLessThanOrEqual(changedAt);
    await w.page.reload();
    await waitForSynced(w.page);
    await w.page.getByTestId('sync-button').click();
    await poll(() => w.page.getByTestId('freshness-status').textContent()).toMatch(/^Updated just now/);
    const numbers = w.org.control.records('Invoice').filter((r) => unseen.includes(r.Id as string)).map((r) => r.DocumentNumber as string);
    const filter = w.page.getByTestId('filter-changed-since');
    await filter.getByTestId('changed-since-toggle').check();
    // The user never saw those changes (their copy was synced before them): "Changed since my last visit" shows them.
    expect(Date.parse((await filter.getByTestId('changed-since-hint').getAttribute('data-since'))!)).toBeLessThanOrEqual(changedAt);
    await poll(async () => (await renderedNumbers(w.page)).filter((n) => numbers.includes(n)).sort()).toEqual([...numbers].sort());
    await w.page.getByRole('button', { name: /^Remove filter.*Changed since/ }).click();
  });
});
