import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection, SavedViewList, Settings } from '../../../electron/contract';
import { startHarness } from '../../support/harness';
import { tempDir } from '../../support/test-ports';
import { viewState } from '../../support/view-state';
import type { OrgInvoice } from '../workspace/expected';
import { expectView } from '../workspace/view-assertions';
import { expectAccessible, poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';
import { waitForSynced, waitForVisibleCount } from '../workspace/workspace-driver';

/**
 * Saved views (issue #21) against the local org: the rows a view shows are checked against an independent filter
 * over the org's own records (expected.ts), after Ctrl+1, after the app restarted (a new core on the same files) and
 * after a full sync.
 */
describe('saved views', () => {
  const folder = tempDir();
  let w: WorkspaceFixture;
  let invoices: OrgInvoice[];
  let connectionId: string;
  let currency: string;

  beforeAll(async () => {
    w = await startWorkspace({ connect: true, org: { invoices: 2000, multiCurrency: true }, harness: { dataDir: folder.dir } });
    invoices = w.invoices();
    const connections = (await w.harness.testCore.call('connections.list')).value as Connection[];
    connectionId = connections[0]!.id;
    // The org's most common currency other than USD.
    const counts = new Map<string, number>();
    for (const invoice of invoices) if (invoice.currency !== 'USD') counts.set(invoice.currency, (counts.get(invoice.currency) ?? 0) + 1);
    currency = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  });
  afterAll(async () => {
    await w?.close();
    folder.remove();
  });

  const page = () => w.page;
  const filters = () => page().getByRole('complementary', { name: 'Filters' });
  const savedViews = async () => (await w.harness.testCore.call('views.list', { connectionId })).value as SavedViewList;
  const sortBy = async (name: string, direction: 'ascending' | 'descending') => {
    const header = page().getByRole('columnheader', { name, exact: true });
    for (let i = 0; i < 3 && (await header.getAttribute('aria-sort')) !== direction; i++) await header.getByRole('button').click();
    await poll(() => header.getAttribute('aria-sort')).toBe(direction);
  };
  const header = (name: string) => page().getByRole('columnheader', { name, exact: true });
  const widthOf = async (name: string) => (await header(name).boundingBox())!.width;
  /** Drags a column's right edge `dx` pixels, as a user does with the mouse. */
  const dragEdge = async (name: string, dx: number) => {
    const edge = (await header(name).getByTestId('column-resizer').boundingBox())!;
    const [x, y] = [edge.x + edge.width / 2, edge.y + edge.height / 2];
    await page().mouse.move(x, y);
    await page().mouse.down();
    await page().mouse.move(x + dx / 2, y, { steps: 3 });
    await page().mouse.move(x + dx, y, { steps: 3 });
    await page().mouse.up();
  };
  const settingsWidths = async () => ((await w.harness.testCore.call('settings.get')).value as Settings).columnWidths;
  /** The page's rem in px (widths are kept in rem). */
  const remPx = () => page().evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  let balanceOwn = 0;
  let balanceSaved = 0;
  /** The view saved: one currency (set once the org's invoices are known), overdue only. */
  const theView = () => ({ currencies: [currency], overdueOnly: true });
  const byBalance = { key: 'balance', desc: true } as const;

  it('saves the view on screen; after everything changed, Ctrl+1 brings it back exactly', async () => {
    await filters().getByLabel(currency, { exact: true }).check();
    await filters().getByLabel('Overdue only').check();
    await sortBy('Balance', 'descending');
    await expectView(page(), invoices, theView(), byBalance);
    // The Balance column dragged 80 px wider: remembered in Settings, and part of the view.
    balanceOwn = await widthOf('Balance');
    await dragEdge('Balance', 80);
    await poll(() => widthOf('Balance')).toBeCloseTo(balanceOwn + 80, -1);
    balanceSaved = await widthOf('Balance');
    await poll(async () => (await settingsWidths())?.balance).toBe(balanceSaved / (await remPx()));
    // The rows' cells follow their header.
    const cell = page().locator('.grid-body [role="gridcell"][data-column="balance"]').first();
    expect((await cell.boundingBox())!.width).toBeCloseTo(balanceSaved, 0);

    await page().getByTestId('views-menu').click();
    await page().getByTestId('save-view').click();
    await page().getByTestId('view-name').fill(`${currency} overdue`);
    await expectAccessible(page(), 'the Save view dialog');
    await page().getByTestId('save-view-confirm').click();
    await poll(async () => (await savedViews()).views.length).toBe(1);
    const [saved] = (await savedViews()).views;
    expect(saved).toMatchObject({ name: `${currency} overdue`, connectionId });
    expect(saved!.state).toMatchObject({ filters: { currencies: [currency], overdueOnly: true, search: '', customer: null }, sort: { column: 'balance', desc: true }, asOf: null, groupByCustomer: false });
    expect(saved!.state.widths).toEqual({ balance: balanceSaved / (await remPx()) });

    // Everything else: no filters, another sort, grouped by customer, a search.
    await page().getByRole('button', { name: 'Clear all' }).click();
    await waitForVisibleCount(page(), invoices.length);
    await sortBy('Number', 'ascending');
    await page().getByTestId('group-by-customer').click();
    await poll(() => page().getByTestId('group-by-customer').getAttribute('aria-pressed')).toBe('true');
    // Balance back to its own width (double-click on its edge); Number two steps wider from the keyboard.
    await header('Balance').getByTestId('column-resizer').dblclick();
    await poll(() => widthOf('Balance')).toBeCloseTo(balanceOwn, 0);
    const numberOwn = await widthOf('Number');
    await header('Number').getByRole('button').focus();
    await page().keyboard.press('Alt+ArrowRight');
    await page().keyboard.press('Alt+ArrowRight');
    // One step is half a rem.
    const step = (await remPx()) / 2;
    await poll(() => widthOf('Number')).toBeCloseTo(numberOwn + 2 * step, 0);
    await page().keyboard.press('Alt+ArrowLeft');
    await poll(() => widthOf('Number')).toBeCloseTo(numberOwn + step, 0);
    await poll(async () => (await settingsWidths())?.number).toBe((numberOwn + step) / (await remPx()));

    await page().getByTestId('invoice-grid').focus();
    await page().keyboard.press('Control+1');
    await poll(() => page().getByTestId('group-by-customer').getAttribute('aria-pressed')).toBe('false');
    await expectView(page(), invoices, theView(), byBalance);
    await poll(() => page().getByRole('columnheader', { name: 'Balance', exact: true }).getAttribute('aria-sort')).toBe('descending');
    await expect(page().getByTestId('view-dropped').count()).resolves.toBe(0);
    // The view's widths: Balance as saved, Number (not set in the view) its own again.
    await poll(() => widthOf('Balance')).toBeCloseTo(balanceSaved, 0);
    await poll(() => widthOf('Number')).toBeCloseTo(numberOwn, 0);

    await page().getByTestId('views-menu').click();
    await expect(page().getByTestId('view-item').allTextContents()).resolves.toEqual([`${currency} overdueCtrl+1`]);
    await expectAccessible(page(), 'the Views menu');
    await page().keyboard.press('Escape');
  });

  it('the default view opens after the app restarted and stays after a full sync', async () => {
    await page().getByTestId('views-menu').click();
    await page().getByTestId('manage-views').click();
    await page().getByTestId('default-view').click();
    await poll(() => page().getByTestId('default-view').getAttribute('aria-pressed')).toBe('true');
    await poll(async () => (await savedViews()).defaultId).toBe((await savedViews()).views[0]!.id);
    await expectAccessible(page(), 'the Manage views dialog');
    await page().getByTestId('manage-views-close').click();
    await page().getByRole('button', { name: 'Clear all' }).click();
    await waitForVisibleCount(page(), invoices.length);

    // The app closed and opened again: a new core on the same files and keychain, a new window.
    const secretBox = w.harness.testCore.secretBox;
    await w.harness.close();
    w.harness = await startHarness({
      browser: w.browser,
      dataDir: folder.dir,
      secretBox,
      demo: { label: 'Local org', loginUrl: w.org.url, clientId: 'budgetly-demo' },
      extraLoginOrigins: [w.org.url],
    });
    w.page = w.harness.page;
    await waitForSynced(page(), invoices.length);
    await expectView(page(), invoices, theView(), byBalance);

    // A full sync (a new offline copy, every row loaded again) keeps the view.
    // (A sync the window started when it opened may still run: asked during it, the answer is that sync's.)
    let synced = await w.harness.testCore.call('invoices.sync', { connectionId, mode: 'full' });
    for (let i = 0; i < 3 && synced.value?.mode !== 'full'; i++) synced = await w.harness.testCore.call('invoices.sync', { connectionId, mode: 'full' });
    expect(synced).toMatchObject({ ok: true, value: { mode: 'full', total: invoices.length } });
    await waitForSynced(page(), invoices.length);
    await expectView(page(), invoices, theView(), byBalance);
  });

  it('a view naming a currency, customer and status the org does not have opens with a notice of what was left out, never a blank grid', async () => {
    const ghost = viewState({ filters: { currencies: ['CHF', currency], customer: 'No Such Customer Ltd', statuses: ['Archived'] }, sort: { column: 'balance', desc: true } });
    const list = (await w.harness.testCore.call('views.save', { connectionId, name: 'Old view', state: ghost })).value as SavedViewList;
    expect(list.views.map((view) => view.name)).toEqual([`${currency} overdue`, 'Old view']);
    await page().reload();
    await waitForSynced(page(), invoices.length);
    await page().getByTestId('invoice-grid').focus();
    await page().keyboard.press('Control+2');
    const notice = page().getByTestId('view-dropped');
    await poll(() => notice.textContent()).toContain('“Old view” named what this org no longer has');
    await expect(notice.locator('li').allTextContents()).resolves.toEqual(['currency CHF', 'status Archived', 'customer No Such Customer Ltd']);
    await expectView(page(), invoices, { currencies: [currency] }, byBalance);
    // A view saved before widths existed leaves the widths as they were (the default view's, remembered across the reload).
    expect(ghost).not.toHaveProperty('widths');
    await poll(() => widthOf('Balance')).toBeCloseTo(balanceSaved, 0);
    await expectAccessible(page(), 'the notice of what a view left out');
  });

  it('importing a hostile file is refused with its reason and changes nothing', async () => {
    const before = await savedViews();
    const path = join(folder.dir, 'hostile.json');
    writeFileSync(path, '{"format":"budgetly-views","version":1,"views":[{"name":"x","state":{"__proto__":{"admin":true}}}]}');
    w.harness.testCore.openDialog.answer = path;
    await page().getByTestId('views-menu').click();
    await page().getByTestId('import-views').click();
    await poll(() => page().getByTestId('views-error').textContent()).toMatch(/^Budgetly did not import this file: .*“__proto__”.* Nothing was changed\.$/);
    expect(await savedViews()).toEqual(before);
    await page().getByTestId('views-menu').click();
    await expect(page().getByTestId('view-item').count()).resolves.toBe(before.views.length);
  });

  it('a view naming a column whose invoice field field-level security now hides opens without it, and says so', async () => {
    w.org.control.setFieldHidden('Invoice', 'DueDate', true);
    try {
      const synced = await w.harness.testCore.call('invoices.sync', { connectionId, mode: 'full' });
      expect(synced).toMatchObject({ ok: true });
      const state = viewState({ columns: ['number', 'customer', 'dueDate', 'balance'], sort: { column: 'dueDate', desc: false } });
      const list = (await w.harness.testCore.call('views.save', { connectionId, name: 'By due date', state })).value as SavedViewList;
      const position = list.views.findIndex((view) => view.name === 'By due date');
      await page().reload();
      await waitForSynced(page(), invoices.length);
      await page().getByTestId('invoice-grid').focus();
      await page().keyboard.press(`Control+${position + 1}`);
      const notice = page().getByTestId('view-dropped');
      await poll(() => notice.textContent()).toContain('“By due date” named what this org no longer has');
      await expect(notice.locator('li').allTextContents()).resolves.toEqual(['column “Due date” (its data cannot be read)']);
      // Not an empty Due date column: the view's other columns, in the default sort.
      await poll(() => page().locator('[role="columnheader"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-column')))).toEqual(['number', 'customer', 'balance']);
    } finally {
      w.org.control.setFieldHidden('Invoice', 'DueDate', false);
    }
  });
});
