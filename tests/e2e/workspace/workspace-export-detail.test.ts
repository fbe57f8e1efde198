import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayOf, expectedBalancesAsOf, expectedFigures, major, minor } from '../../integration/receivables/org-ledger';
import { tempDir } from '../../support/test-ports';
import { parseCsv } from '../../support/csv';
import { asOfInvoices, bucketOf, bucketText, daysOverdue, expectedFilter, expectedSort, isReceivable, type OrgInvoice } from './expected';
import { expectView } from './view-assertions';
import { expectAccessible, exportXlsx, poll, startWorkspace, type WorkspaceFixture } from './workspace-fixture';
import { renderedNumbers, waitForSynced, waitForVisibleCount } from './workspace-driver';

// Runs with secret protection 'basic_text' (a Linux desktop without a keyring) to show that warning too.

describe('export, details, keyboard and settings', () => {
  let w: WorkspaceFixture;
  let invoices: OrgInvoice[];
  const files = tempDir('budgetly-export-');

  beforeAll(async () => {
    w = await startWorkspace({ connect: true, harness: { secretProtection: 'basic_text' } });
    invoices = w.invoices();
  });
  afterAll(async () => {
    await w?.close();
    files.remove();
  });

  const grid = () => w.page.getByTestId('invoice-grid');
  const activeRowNumber = () =>
    w.page.evaluate(() => {
      const id = document.querySelector('[role="grid"]')?.getAttribute('aria-activedescendant');
      return id ? (document.getElementById(id)?.querySelector('[data-column="number"]')?.textContent ?? null) : null;
    });

  it('exports exactly the rows, order and columns on screen to CSV and XLSX', async () => {
    const asOf = (await w.page.getByTestId('as-of').getAttribute('data-value'))!;
    await w.page.getByRole('complementary', { name: 'Filters' }).getByLabel('EUR', { exact: true }).check();
    await w.page.getByRole('complementary', { name: 'Filters' }).getByLabel('Overdue only').check();
    const dueDate = w.page.getByRole('columnheader', { name: 'Due date', exact: true });
    await dueDate.getByRole('button').click();
    await poll(() => dueDate.getAttribute('aria-sort')).toBe('ascending');
    await w.page.getByTestId('columns-menu').locator('summary').click();
    await w.page.getByTestId('columns-menu').getByLabel('Status').uncheck();
    await w.page.getByTestId('columns-menu').locator('summary').click();
    await poll(() => w.page.getByRole('columnheader', { name: 'Status' }).count()).toBe(0);
    const expected = await expectView(w.page, invoices, { currencies: ['EUR'], overdueOnly: true }, { key: 'dueDate', desc: false });
    expect(expected.length).toBeGreaterThan(100);

    const csvPath = join(files.dir, 'view.csv');
    w.harness.testCore.saveDialog.answer = csvPath;
    await w.page.getByTestId('export-menu').click();
    await w.page.getByTestId('export-csv').click();
    await poll(() => w.page.getByTestId('export-status').getAttribute('data-state')).toBe('done');
    const content = readFileSync(csvPath, 'utf8');
    expect(content.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseCsv(content.slice(1)).filter((r) => r.length > 1);
    // The columns on screen, then the aging bucket as of the screen's date (file only).
    expect(header).toHaveLength(9);
    expect(header).not.toContain('Status');
    expect(header!.at(-1)).toBe('Aging bucket');
    expect(rows.map((r) => r[0])).toEqual(expected.map((i) => i.number));
    expect(rows.map((r) => [r[3], r[5], r[7], r[8]])).toEqual(expected.map((i) => [i.dueDate, String(i.balance), String(daysOverdue(i, asOf)), bucketText(i, asOf)]));
    await w.harness.screenshot('workspace-exported');

    const book = await exportXlsx(w, join(files.dir, 'view.xlsx'));
    const sheet = book.worksheets[0]!;
    const sheetRows: unknown[][] = [];
    sheet.eachRow((row) => sheetRows.push((row.values as unknown[]).slice(1)));
    expect(sheetRows[0]).toHaveLength(9);
    const body = sheetRows.slice(1);
    expect(body.map((r) => r[0])).toEqual(expected.map((i) => i.number));
    expect(body.map((r) => r[5])).toEqual(expected.map((i) => i.balance));
    expect(body.map((r) => (r[3] instanceof Date ? r[3].toISOString().slice(0, 10) : r[3]))).toEqual(expected.map((i) => i.dueDate));

    await w.page.getByRole('button', { name: 'Clear all' }).click();
    await w.page.getByTestId('columns-menu').locator('summary').click();
    await w.page.getByTestId('columns-menu').getByLabel('Status').check();
    await w.page.getByTestId('columns-menu').locator('summary').click();
    const invoiceDate = w.page.getByRole('columnheader', { name: 'Invoice date', exact: true });
    await invoiceDate.getByRole('button').click();
    await invoiceDate.getByRole('button').click();
    await poll(() => invoiceDate.getAttribute('aria-sort')).toBe('descending');
    await waitForVisibleCount(w.page, invoices.length);
  });

  it('exports an earlier as-of aging: no invoice dated later, balances and buckets as of that day, blanks where the screen is blank', async () => {
    const asOf = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
    const asOfView = asOfInvoices(invoices, asOf, expectedBalancesAsOf(w.org, 'Invoice', asOf));
    expect(asOfView.length).toBeLessThan(invoices.length);
    await w.page.getByTestId('as-of').fill(asOf);
    await poll(() => w.page.getByTestId('as-of-later').getAttribute('data-count')).toBe(String(invoices.length - asOfView.length));
    await expect(w.page.getByTestId('as-of-applied').textContent()).resolves.toMatch(/^Balances as of .*, from the payments and credits applied by then\.$/);
    const expected = await expectView(w.page, asOfView, {}, { key: 'invoiceDate', desc: true });
    // Some balances as of then are higher than today's: paid since.
    expect(expected.some((i) => i.balance !== invoices.find((now) => now.id === i.id)!.balance)).toBe(true);

    const csvPath = join(files.dir, 'as-of.csv');
    w.harness.testCore.saveDialog.answer = csvPath;
    await w.page.getByTestId('export-menu').click();
    await w.page.getByTestId('export-csv').click();
    await poll(() => w.page.getByTestId('export-status').getAttribute('data-state')).toBe('done');
    const [header, ...rows] = parseCsv(readFileSync(csvPath, 'utf8').slice(1)).filter((r) => r.length > 1);
    const column = (name: string) => header!.indexOf(name);
    expect(rows).toHaveLength(expected.length);
    expect(rows.every((r) => r[column('Invoice date')]! <= asOf)).toBe(true);
    expect(rows.map((r) => [r[0], r[column('Balance')], r[column('Days overdue')], r[column('Aging bucket')]])).toEqual(
      expected.map((i) => [i.number, i.balance === null ? '' : String(i.balance), daysOverdue(i, asOf) > 0 ? String(daysOverdue(i, asOf)) : '', bucketText(i, asOf)]),
    );

    await w.page.getByTestId('as-of-reset').click();
    await poll(() => w.page.getByTestId('as-of-note').count()).toBe(0);
    await waitForVisibleCount(w.page, invoices.length);
  });

  it('moves with the arrow keys, opens details with Enter and closes them with Escape', async () => {
    const asOf = (await w.page.getByTestId('as-of').getAttribute('data-value'))!;
    const order = expectedSort(expectedFilter(invoices, {}, asOf), 'invoiceDate', true, asOf);
    await grid().focus();
    await poll(activeRowNumber).toBe(order[0]!.number);
    for (let i = 0; i < 3; i++) await w.page.keyboard.press('ArrowDown');
    await w.page.keyboard.press('ArrowUp');
    await poll(activeRowNumber).toBe(order[2]!.number);
    await w.page.keyboard.press('PageDown');
    const afterPage = await activeRowNumber();
    expect(order.findIndex((i) => i.number === afterPage)).toBeGreaterThan(10);
    await w.page.keyboard.press('Home');
    await w.page.keyboard.press('ArrowDown');
    await w.page.keyboard.press('Enter');
    const panel = w.page.getByTestId('detail-panel');
    const invoice = order[1]!;
    await poll(() => panel.getByRole('heading', { level: 2 }).textContent()).toBe(`Invoice ${invoice.number}`);
    await panel.getByTestId('detail-fields').waitFor();
    expect(await panel.getByTestId('detail-fields').textContent()).toContain(invoice.number);
    // Where it stands as of the aging date, by the same rules as the grid and the chart (from the org's record).
    const standing = panel.getByTestId('detail-standing');
    if (!isReceivable(invoice)) expect(await standing.textContent()).toMatch(/^(Draft|Cancelled): not in receivables$/);
    else expect([await standing.getAttribute('data-days'), await standing.getAttribute('data-bucket')]).toEqual([String(daysOverdue(invoice, asOf)), bucketOf(invoice, asOf) ?? '']);
    const lines = w.org.control.records('InvoiceLine').filter((l) => l.InvoiceId === invoice.id);
    await poll(() => panel.locator('[data-testid="detail-lines"] tbody tr').count()).toBe(lines.length); // lines arrive after the fields (own request)
    await w.harness.screenshot('workspace-detail');
    await expectAccessible(w.page, 'detail panel');

    const opened = w.harness.testCore.shell.opened.length;
    await panel.getByTestId('open-in-salesforce').click();
    await poll(() => w.harness.testCore.shell.opened.length).toBe(opened + 1);
    expect(w.harness.testCore.shell.opened.at(-1)).toContain(invoice.id);

    await grid().focus();
    await w.page.keyboard.press('Escape');
    await poll(() => panel.count()).toBe(0);
    await poll(() => w.page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('grid');
  });

  it('shows the payments and credits applied to an invoice, dated, and the arithmetic to its balance (from the offline copy)', async () => {
    const apps = [...w.org.control.records('PaymentLineInvoice'), ...w.org.control.records('CreditMemoInvApplication')];
    const count = new Map<string, number>();
    for (const app of apps) count.set(app.InvoiceId as string, (count.get(app.InvoiceId as string) ?? 0) + 1);
    const invoice = invoices.find((i) => (count.get(i.id) ?? 0) >= 2 && apps.some((a) => a.InvoiceId === i.id && a.Type === 'Unapplied'))
      ?? invoices.find((i) => (count.get(i.id) ?? 0) >= 2)!;
    await w.page.getByTestId('search').fill(invoice.number);
    await waitForVisibleCount(w.page, 1);
    await grid().focus();
    await w.page.keyboard.press('Enter');
    const panel = w.page.getByTestId('detail-panel');
    await panel.getByTestId('receivables-timeline').waitFor();
    // The applications (refunds of its payments are listed too, as information: tests/e2e/receivables/refunds.test.ts).
    expect(await panel.locator('[data-testid="receivables-entry"]:not([data-kind="refund"])').count()).toBe(count.get(invoice.id));
    // The org's own numbers: total − applied = balance, so the computed balance is Salesforce's and no mismatch is flagged.
    expect(await panel.getByTestId('receivables-computed').textContent()).toBe(await panel.getByTestId('detail-balance').textContent());
    expect(await panel.getByTestId('receivables-mismatch').count()).toBe(0);
    await w.harness.screenshot('detail-receivables-timeline');
    await expectAccessible(w.page, 'detail panel with payments');
    await grid().focus();
    await w.page.keyboard.press('Escape');
    await w.page.getByTestId('search').fill('');
    await waitForVisibleCount(w.page, invoices.length);
  });

  it('shows what was paid in the grid: payment columns from the Columns menu, the "paid late" filter and its chip, sorted by days to pay', async () => {
    const figures = expectedFigures(w.org, 'Invoice');
    const late = invoices.filter((i) => {
      const f = figures.get(i.id)!;
      return f.fullyPaidOn !== null && i.dueDate !== null && f.fullyPaidOn > i.dueDate;
    });
    expect(late.length).toBeGreaterThan(20);
    const menu = w.page.getByTestId('columns-menu');
    await menu.locator('summary').click();
    for (const name of ['Paid amount', 'Fully paid on', 'Days to pay']) await menu.getByLabel(name, { exact: true }).check();
    await menu.locator('summary').click();
    await w.page.getByRole('complementary', { name: 'Filters' }).getByLabel('Paid late').check();
    await waitForVisibleCount(w.page, late.length);
    await poll(() => w.page.getByTestId('filter-chips').textContent()).toContain('Paid late');
    const daysToPay = w.page.getByRole('columnheader', { name: 'Days to pay', exact: true });
    await daysToPay.getByRole('button').click();
    await poll(() => daysToPay.getAttribute('aria-sort')).toBe('descending');

    const longest = late.map((i) => figures.get(i.id)!.daysToPay!).sort((a, b) => b - a);
    const utcDay = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric', year: 'numeric' });
    await poll(async () => (await renderedNumbers(w.page)).length).toBeGreaterThan(5);
    const shown = await w.page.evaluate(() =>
      [...document.querySelectorAll('.grid-body [role="row"]')]
        .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
        .map((row) => ['number', 'paid', 'fullyPaidOn', 'daysToPay'].map((c) => row.querySelector(`[data-column="${c}"]`)?.textContent ?? '')),
    );
    expect(shown.map((r) => Number(r[3]!.replace(/,/g, '')))).toEqual(longest.slice(0, shown.length));
    for (const [number, paid, paidOn] of shown) {
      const invoice = invoices.find((i) => i.number === number)!;
      const f = figures.get(invoice.id)!;
      const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: invoice.currency, currencySign: 'accounting' });
      expect([paid, paidOn]).toEqual([money.format(major(f.paid, invoice.currency)), utcDay.format(Date.parse(`${f.fullyPaidOn}T00:00:00Z`))]);
    }
    await w.harness.screenshot('workspace-paid-late');
    await expectAccessible(w.page, 'workspace with payment columns and the paid-late filter');

    // The export is what is shown: the late invoices in this order with their payment columns, and every application of them.
    const book = await exportXlsx(w, join(files.dir, 'paid-late.xlsx'));
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Invoices', 'Applications', 'Summary']);
    const header = (book.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    const at = (name: string) => header.indexOf(name);
    const exported = book.worksheets[0]!.getSheetValues().slice(2).map((row) => (row as unknown[]).slice(1));
    expect(exported).toHaveLength(late.length);
    expect(exported.map((r) => r[at('Days to pay')])).toEqual(longest);
    for (const r of exported) {
      const invoice = invoices.find((i) => i.number === r[at('Number')])!;
      expect(minor(r[at('Paid amount')] as number, invoice.currency)).toBe(figures.get(invoice.id)!.paid);
      expect((r[at('Fully paid on')] as Date).toISOString().slice(0, 10)).toBe(figures.get(invoice.id)!.fullyPaidOn);
    }
    // The CSV writes the same columns its own way (bytes, digit by digit: export22): each against the org's records too.
    w.harness.testCore.saveDialog.answer = join(files.dir, 'paid-late.csv');
    await w.page.getByTestId('export-menu').click();
    await w.page.getByTestId('export-csv').click();
    await poll(() => w.page.getByTestId('export-status').getAttribute('data-state')).toBe('done');
    const [csvHeader, ...csvRows] = parseCsv(readFileSync(join(files.dir, 'paid-late.csv'), 'utf8').slice(1)).filter((r) => r.length > 1);
    const col = (name: string) => csvHeader!.indexOf(name);
    expect(csvRows.map((r) => [r[col('Number')], r[col('Paid amount')], r[col('Fully paid on')], r[col('Days to pay')]])).toEqual(
      exported.map((r) => {
        const invoice = invoices.find((i) => i.number === r[at('Number')])!;
        const f = figures.get(invoice.id)!;
        return [invoice.number, String(major(f.paid, invoice.currency)), f.fullyPaidOn, String(f.daysToPay)];
      }),
    );
    // Every application of them, each row as the org's record gives it: invoice, kind (taken back or not), its day on this
    // computer's clock, amount and currency as Salesforce states them, counted in the balance when in the invoice's currency
    // and above zero (review23: the sheet's ids alone were compared).
    const lateById = new Map(late.map((i) => [i.id, i]));
    const kindWord = { PaymentLineInvoice: ['Payment', 'Payment taken back'], CreditMemoInvApplication: ['Credit note', 'Credit note taken back'] } as const;
    const orgApps = (['PaymentLineInvoice', 'CreditMemoInvApplication'] as const).flatMap((object) =>
      w.org.control.records(object).filter((a) => lateById.has(a.InvoiceId as string)).map((a) => {
        const invoice = lateById.get(a.InvoiceId as string)!;
        const currency = String(a.CurrencyIsoCode ?? invoice.currency);
        const counted = currency === invoice.currency && (a.Amount as number) > 0;
        return [invoice.number, kindWord[object][a.Type === 'Unapplied' ? 1 : 0], dayOf(a.AppliedDate), a.Amount, currency, a.Id, counted ? 'Yes' : 'No'];
      }),
    );
    const sheetApps = book.worksheets[1]!.getSheetValues().slice(2).map((row) => (row as unknown[]).slice(1))
      .map((r) => [...r.slice(0, 2), r[2] instanceof Date ? r[2].toISOString().slice(0, 10) : r[2], ...r.slice(3, 6), String(r[6]).startsWith('No') ? 'No' : r[6]]);
    const byId = (a: unknown[], b: unknown[]) => String(a[5]).localeCompare(String(b[5]));
    expect(orgApps.length).toBeGreaterThan(late.length);
    expect(sheetApps.sort(byId)).toEqual(orgApps.sort(byId));

    await w.page.getByRole('button', { name: 'Remove filter Paid late' }).click();
    await waitForVisibleCount(w.page, invoices.length);
    // "Partly paid" (review23: asserted on made-up rows only): some payment applied (net), less than the total, a balance still
    // owed — every invoice so in the org's records, and no other.
    const partly = invoices.filter((i) => {
      const f = figures.get(i.id)!;
      return f.paid > 0 && f.paid < f.total && (i.balance ?? 0) > 0;
    });
    expect(partly.length).toBeGreaterThan(20);
    await w.page.getByRole('complementary', { name: 'Filters' }).getByLabel('Partly paid').check();
    await waitForVisibleCount(w.page, partly.length);
    const partlyNumbers = new Set(partly.map((i) => i.number));
    await poll(async () => (await renderedNumbers(w.page)).filter((n) => !partlyNumbers.has(n))).toEqual([]);
    expect((await renderedNumbers(w.page)).length).toBeGreaterThan(5);
    await w.page.getByRole('button', { name: 'Remove filter Partly paid' }).click();
    await menu.locator('summary').click();
    for (const name of ['Paid amount', 'Fully paid on', 'Days to pay']) await menu.getByLabel(name, { exact: true }).uncheck();
    await menu.locator('summary').click();
    const invoiceDate = w.page.getByRole('columnheader', { name: 'Invoice date', exact: true });
    await invoiceDate.getByRole('button').click();
    await invoiceDate.getByRole('button').click();
    await poll(() => invoiceDate.getAttribute('aria-sort')).toBe('descending');
    await waitForVisibleCount(w.page, invoices.length);
  });

  it('focuses search with Ctrl+F and syncs with Ctrl+R', async () => {
    await grid().focus();
    await w.page.keyboard.press('Control+f');
    await poll(() => w.page.evaluate(() => document.activeElement?.id)).toBe('invoice-search');
    const before = w.harness.testCore.events.of('invoices.syncProgress').length;
    await w.page.keyboard.press('Control+r');
    await poll(() => w.harness.testCore.events.of('invoices.syncProgress').length).toBeGreaterThan(before);
    await waitForSynced(w.page, invoices.length);
    expect(await renderedNumbers(w.page)).not.toHaveLength(0);
  });

  it('warns when sign-ins cannot be encrypted, and offers weaker storage with its warning', async () => {
    const banner = w.page.getByTestId('banner-weak-storage');
    await poll(() => banner.textContent()).toContain('kept only until you quit');
    expect(await w.page.getByTestId('secret-protection').getAttribute('data-level')).toBe('basic_text');
    await banner.getByRole('button', { name: 'Settings' }).click();
    const dialog = w.page.getByTestId('settings-dialog');
    await dialog.getByText('other programs running as you could read').waitFor();
    await w.harness.screenshot('settings');
    await expectAccessible(w.page, 'settings');
    // The main process asks the user itself (a native dialog in the app): yes switches it on.
    const confirm = w.harness.testCore.confirm;
    confirm.answer = true;
    await dialog.getByTestId('settings-weak-storage').check();
    await poll(() => banner.textContent()).toContain('weaker protection');
    expect(confirm.asked).toHaveLength(1);
    const settings = (await w.harness.testCore.call('settings.get')) as { ok: true; value: { allowWeakStorage: boolean } };
    expect(settings.value.allowWeakStorage).toBe(true);
    await dialog.getByTestId('settings-weak-storage').uncheck();
    await poll(() => banner.textContent()).toContain('kept only until you quit');
    // Declined, the box stays unticked; ticked again in this session, it is not asked again and says why.
    confirm.answer = false;
    await dialog.getByTestId('settings-weak-storage').click();
    await poll(() => confirm.asked.length).toBe(2);
    await poll(() => dialog.getByTestId('settings-weak-storage').isChecked()).toBe(false);
    confirm.answer = true;
    await dialog.getByTestId('settings-weak-storage').click();
    await poll(() => dialog.getByTestId('settings-save-error').textContent()).toContain('restart Budgetly');
    await poll(() => dialog.getByTestId('settings-weak-storage').isChecked()).toBe(false);
    expect(confirm.asked).toHaveLength(2);
    await dialog.getByRole('radio', { name: 'Dark' }).check();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await poll(() => w.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await w.harness.screenshot('workspace-dark');
    await expectAccessible(w.page, 'workspace (dark)');
    await w.page.getByTestId('open-settings').click();
    // The theme's “Same as my computer” (the language setting has one too).
    await dialog.locator('input[type="radio"][name$="-theme"][value="system"]').check();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await poll(() => w.page.evaluate(() => document.documentElement.dataset.theme ?? 'system')).toBe('system');
  });

  it('shows sync progress with a working cancel', async () => {
    // The sync's first request stalls (half an answer, then nothing) until Cancel aborts it: slowed requests let
    // an incremental sync of two or three requests end between its progress appearing and the click on Cancel
    // on a loaded machine (the test then timed out waiting for Cancel).
    w.org.control.injectFault({ kind: 'stall', count: 1, pathPrefix: '/services/data/' });
    await w.page.getByTestId('sync-button').click();
    const progress = w.page.getByTestId('sync-progress');
    await progress.waitFor();
    expect(await progress.locator('progress').count()).toBe(1);
    await w.harness.screenshot('sync-in-progress');
    await w.page.getByTestId('sync-cancel').click();
    await w.page.getByTestId('sync-button').waitFor();
    await poll(() => w.harness.testCore.events.of('invoices.syncProgress').at(-1)?.phase).toBe('cancelled');
    expect(await w.page.getByTestId('banner-error').count()).toBe(0);
    w.org.control.clearFaults();
    await waitForSynced(w.page, invoices.length);
  });
});
