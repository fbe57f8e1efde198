import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { independentMinor, independentRate, orgRatesOf } from '../../support/independent-conversion';
import { tempDir } from '../../support/test-ports';
import { expectedBalancesAsOf } from '../../integration/receivables/org-ledger';
import { asOfInvoices, bucketOf, BUCKETS, expectedFilter, expectedSummary, type Bucket, type OrgInvoice } from '../workspace/expected';
import { exportXlsx, expectAccessible, poll, startWorkspace, type WorkspaceFixture } from '../workspace/workspace-fixture';
import { readCorporate, readSummary, setAsOf, showInCorporate, waitForVisibleCount } from '../workspace/workspace-driver';
import { expectedAgingByCustomer, type ExpectedTable } from './expected-report';
import { openReport, readReport, type ShownReportTable } from './report-driver';

/** Every cell, line total and total row of the report equals the independent computation, and nothing is missing or extra. */
function expectReport(shown: ShownReportTable[], expected: ExpectedTable[]): void {
  expect(shown.map((t) => t.currency)).toEqual(expected.map((t) => t.currency));
  for (const table of expected) {
    const got = shown.find((t) => t.currency === table.currency)!;
    const byCustomer = new Map(got.lines.map((line) => [line.customer, line.amounts]));
    expect(byCustomer.size, `${table.currency}: one line per customer`).toBe(table.lines.length);
    for (const line of table.lines) {
      const amounts = byCustomer.get(line.customer ?? '');
      expect(amounts, `${table.currency} ${line.customer}`).toEqual({ ...line.amounts, total: line.total });
    }
    expect(got.totals, `${table.currency} total row`).toEqual(table.totals);
  }
}

describe('aging by customer (the controller’s report) over 5,000 multi-currency invoices', () => {
  let w: WorkspaceFixture;
  let invoices: OrgInvoice[];
  let today: string;

  const files = tempDir();
  const sheetRows = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().slice(1).map((row) => (row as unknown[] | undefined)?.slice(1) ?? []);
  const summaryField = (rows: unknown[][], label: string) => rows.find((row) => row[0] === label)?.[1];

  beforeAll(async () => {
    w = await startWorkspace({ connect: true });
    invoices = w.invoices();
    today = (await w.page.getByTestId('as-of').getAttribute('data-value'))!;
  });
  afterAll(async () => {
    await w?.close();
    files.remove();
  });

  it('shows every customer × bucket cell and every total of each currency as the org’s records add up, agreeing with the cards', async () => {
    await openReport(w.page);
    const shown = await readReport(w.page);
    const expected = expectedAgingByCustomer(invoices, today);
    expect(expected.length).toBeGreaterThan(1);
    expectReport(shown, expected);
    // The total row is the cards' aging: drafts and cancelled invoices are left out of both.
    const cards = await readSummary(w.page);
    for (const table of shown) {
      const card = cards.find((c) => c.currency === table.currency)!;
      for (const bucket of BUCKETS) expect(table.totals[bucket]).toBe(card.aging[bucket]!.amount);
    }
    await w.harness.screenshot('aging-by-customer');
    await expectAccessible(w.page, 'aging by customer');
  });

  it('sorts by any column, from the keyboard too', async () => {
    await openReport(w.page);
    const table = w.page.getByTestId('aging-report-table').first();
    const header = table.getByRole('columnheader').filter({ has: w.page.getByTestId('aging-report-sort-90+') });
    await w.page.getByTestId('aging-report-sort-90+').first().focus();
    await w.page.keyboard.press('Enter');
    await poll(() => header.getAttribute('aria-sort')).toBe('descending');
    const first = (await readReport(w.page))[0]!;
    const amounts = first.lines.map((l) => l.amounts['90+']!);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    await w.page.keyboard.press('Enter');
    await poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    const again = (await readReport(w.page))[0]!.lines.map((l) => l.amounts['90+']!);
    expect(again).toEqual([...amounts].sort((a, b) => a - b));
    // By name: alphabetical, as the user's language sorts.
    await table.getByTestId('aging-report-sort-customer').click();
    const names = (await readReport(w.page))[0]!.lines.map((l) => l.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('drills down: a cell shows that customer’s invoices of that currency and bucket in the grid, a name all of theirs', async () => {
    await openReport(w.page);
    const [eur] = (await readReport(w.page)).filter((t) => t.currency === 'EUR');
    const line = eur!.lines.find((l) => l.amounts['31-60']! > 0)!;
    const cell = w.page.locator(`[data-testid="aging-report-table"][data-currency="EUR"] [data-testid="aging-report-line"][data-customer="${line.customer}"] td[data-bucket="31-60"] button`);
    await cell.click();
    await w.page.getByTestId('aging-report').waitFor({ state: 'detached' });
    const inCell = invoices.filter((inv) => inv.customer === line.customer && inv.currency === 'EUR' && bucketOf(inv, today) === '31-60');
    await waitForVisibleCount(w.page, inCell.length);
    const chips = w.page.getByTestId('filter-chips');
    await expect(chips.textContent()).resolves.toContain(`Customer: ${line.customer}`);
    const card = (await readSummary(w.page)).find((c) => c.currency === 'EUR')!;
    expect(card.balance).toBe(line.amounts['31-60']);

    // The customer's name: every invoice of theirs in that currency, whatever its bucket.
    await w.page.getByRole('button', { name: 'Clear all' }).click();
    await openReport(w.page);
    await w.page.locator(`[data-testid="aging-report-table"][data-currency="EUR"] [data-testid="aging-report-line"][data-customer="${line.customer}"] [data-testid="aging-report-customer"]`).click();
    await waitForVisibleCount(w.page, invoices.filter((inv) => inv.customer === line.customer && inv.currency === 'EUR').length);
    // The customer filter is in the filters panel too, and its chip removes it.
    await expect(w.page.getByTestId('filter-customer-input').inputValue()).resolves.toBe(line.customer);
    await w.page.getByRole('button', { name: `Remove filter Customer: ${line.customer}` }).click();
    await w.page.getByRole('button', { name: /^Remove filter/ }).click();
    await waitForVisibleCount(w.page, invoices.length);
  });

  it('follows the filters and the as-of date: invoices dated later left out, balances as of then', async () => {
    const asOf = new Date(Date.now() - 150 * 86_400_000).toISOString().slice(0, 10);
    await setAsOf(w.page, asOf);
    await openReport(w.page);
    const asOfView = asOfInvoices(invoices, asOf, expectedBalancesAsOf(w.org, 'Invoice', asOf));
    await poll(async () => (await readReport(w.page)).map((t) => t.totals.total)).toEqual(expectedAgingByCustomer(asOfView, asOf).map((t) => t.totals.total));
    expectReport(await readReport(w.page), expectedAgingByCustomer(asOfView, asOf));
    // A filter typed into the customer box narrows the report to that customer.
    const someone = asOfView.find((inv) => inv.customer && bucketOf(inv, asOf))!.customer!;
    await w.page.getByTestId('filter-customer-input').fill(someone);
    await poll(async () => (await readReport(w.page)).flatMap((t) => t.lines.map((l) => l.customer))).toEqual(
      expectedAgingByCustomer(asOfView.filter((inv) => inv.customer === someone), asOf).map(() => someone),
    );
    expectReport(await readReport(w.page), expectedAgingByCustomer(asOfView.filter((inv) => inv.customer === someone), asOf));
    await w.page.getByTestId('filter-customer-input').fill('');
    await w.page.getByTestId('as-of-reset').click();
  });

  it('in the corporate currency: one more table, every cell each invoice converted at the org’s rate and rounded, then added; its totals the corporate card’s', async () => {
    await w.page.getByTestId('aging-report-close').click().catch(() => undefined);
    await showInCorporate(w.page, 'invoiceDate');
    const card = await readCorporate(w.page);
    await openReport(w.page);
    await poll(async () => (await readReport(w.page)).filter((t) => t.corporate).length).toBe(1);
    const corporate = (await readReport(w.page)).find((t) => t.corporate)!;
    expect(corporate.currency).toBe(card.currency);
    // Independently: the org's CurrencyType rates (no dated rates in this org), each open balance converted and rounded.
    const rates = orgRatesOf((object) => w.org.control.records(object), false);
    const decimals = rates.currencies.find((c) => c.isoCode === card.currency)!.decimals ?? 2;
    const minor = new Map<string, Record<Bucket | 'total', number>>();
    for (const inv of invoices) {
      const bucket = bucketOf(inv, today);
      const rate = independentRate(rates, inv.currency, inv.invoiceDate);
      if (!bucket || rate === null || inv.balance === null) continue;
      const key = inv.customer ?? '';
      const sums = minor.get(key) ?? (Object.fromEntries([...BUCKETS, 'total'].map((b) => [b, 0])) as Record<Bucket | 'total', number>);
      const converted = independentMinor(inv.balance, rate, decimals);
      sums[bucket] += converted;
      sums.total += converted;
      minor.set(key, sums);
    }
    const scale = 10 ** decimals;
    expect(corporate.lines).toHaveLength(minor.size);
    for (const line of corporate.lines) {
      const expected = Object.fromEntries(Object.entries(minor.get(line.customer)!).map(([b, m]) => [b, m / scale]));
      expect(line.amounts, line.customer).toEqual(expected);
    }
    for (const bucket of BUCKETS) expect(corporate.totals[bucket]).toBeCloseTo(card.aging[bucket]!, 2);
    expect(card.missingRate).toBe(0);
  });

  it('exports the report to XLSX: a sheet per currency as the org adds up, and a Summary sheet (the audit trail)', async () => {
    await w.page.getByTestId('aging-report-close').click().catch(() => undefined);
    await w.page.getByTestId('show-in').selectOption('own');
    await w.page.getByRole('complementary', { name: 'Filters' }).getByLabel('Overdue only').check();
    const overdue = expectedFilter(invoices, { overdueOnly: true }, today);
    await waitForVisibleCount(w.page, overdue.length);
    await openReport(w.page);
    const book = await exportXlsx(w, join(files.dir, 'report.xlsx'), 'export-report-xlsx');
    const expected = expectedAgingByCustomer(overdue, today);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([...expected.map((t) => `Aging ${t.currency}`), 'Summary']);
    for (const table of expected) {
      const [header, ...lines] = sheetRows(book.getWorksheet(`Aging ${table.currency}`)!);
      expect(header).toEqual(['Customer', 'Current', '1–30', '31–60', '61–90', '90+', 'Total']);
      const totalRow = lines.pop()!;
      expect(totalRow).toEqual(['Total', ...BUCKETS.map((b) => table.totals[b]), table.totals.total]);
      // A blank where nothing is owed, as on screen.
      const byName = new Map(lines.map((line) => [line[0], line.slice(1)]));
      expect(byName.size).toBe(table.lines.length);
      for (const line of table.lines) {
        expect(byName.get(line.customer ?? '(no customer)'), `${table.currency} ${line.customer}`).toEqual([...BUCKETS.map((b) => line.amounts[b] || undefined), line.total]);
      }
    }
    const summary = sheetRows(book.getWorksheet('Summary')!);
    expect(summaryField(summary, 'Connection')).toBe('Local org');
    expect(summaryField(summary, 'Salesforce org')).toContain(w.org.url.replace(/\/$/, ''));
    expect(summaryField(summary, 'Salesforce user')).toBe('demo@budgetly.test');
    expect(summaryField(summary, 'Exported by')).toContain('demo@budgetly.test');
    expect((summaryField(summary, 'Aging as of') as Date).toISOString().slice(0, 10)).toBe(today);
    expect(summaryField(summary, 'Aging basis')).toBe('Days past the due date');
    expect(summaryField(summary, 'Filters')).toBe('Overdue only');
    expect(summaryField(summary, 'Last synced (UTC)')).toBeInstanceOf(Date);
    expect(Math.abs(Date.now() - (summaryField(summary, 'Exported at (UTC)') as Date).getTime())).toBeLessThan(10 * 60_000);
    const cards = expectedSummary(overdue, today);
    const head = summary.findIndex((row) => row[0] === 'Currency');
    expect(summary.slice(head + 1, head + 1 + cards.length)).toEqual(cards.map((c) => [c.currency, ...BUCKETS.map((b) => c.aging[b].amount), c.balance]));
    await w.page.getByTestId('aging-report-close').click();
    await w.page.getByRole('complementary', { name: 'Filters' }).getByLabel('Overdue only').uncheck();
  });

  it('after a drill-down to one bucket, the report (every bucket of that customer) is exported with the filters it applies, not the bucket it shows past', async () => {
    await openReport(w.page);
    const [eur] = (await readReport(w.page)).filter((t) => t.currency === 'EUR');
    const line = eur!.lines.find((l) => l.amounts['31-60']! > 0 && l.amounts.current! > 0)!;
    await w.page.locator(`[data-testid="aging-report-table"][data-currency="EUR"] [data-testid="aging-report-line"][data-customer="${line.customer}"] td[data-bucket="31-60"] button`).click();
    await w.page.getByTestId('aging-report').waitFor({ state: 'detached' });
    // Back to the report with the drill-down's filters on (customer, EUR, 31–60): it shows all of that customer's buckets.
    await openReport(w.page);
    const shown = await readReport(w.page);
    expect(shown.map((t) => t.currency)).toEqual(['EUR']);
    expect(shown[0]!.totals.current).toBe(line.amounts.current);
    const book = await exportXlsx(w, join(files.dir, 'drilled-report.xlsx'), 'export-report-xlsx');
    const totalRow = sheetRows(book.getWorksheet('Aging EUR')!).at(-1)!;
    expect(totalRow).toEqual(['Total', ...BUCKETS.map((b) => line.amounts[b]), line.amounts.total]);
    // The auditor reads which filters made these figures: customer and currency, and no aging bucket (the sheet has all five).
    const filtersSaid = summaryField(sheetRows(book.getWorksheet('Summary')!), 'Filters') as string;
    expect(filtersSaid).toContain(`Customer: ${line.customer}`);
    expect(filtersSaid).toContain('EUR');
    expect(filtersSaid).not.toContain('Aging');
    await w.page.getByTestId('aging-report-close').click();
    await w.page.getByRole('button', { name: 'Clear all' }).click();
  });

  it('the invoice XLSX export has the same Summary sheet: bucket totals per currency of the rows in the file', async () => {
    await waitForVisibleCount(w.page, invoices.length);
    const book = await exportXlsx(w, join(files.dir, 'invoices.xlsx'));
    expect(book.worksheets.at(-1)!.name).toBe('Summary');
    const summary = sheetRows(book.getWorksheet('Summary')!);
    expect(summaryField(summary, 'Invoices')).toBe(invoices.length);
    expect(summaryField(summary, 'Filters')).toBe('None');
    const cards = expectedSummary(invoices, today);
    const head = summary.findIndex((row) => row[0] === 'Currency');
    expect(summary.slice(head + 1, head + 1 + cards.length)).toEqual(cards.map((c) => [c.currency, ...BUCKETS.map((b) => c.aging[b].amount), c.balance]));
  });

  it('after an export: "Open" and "Show in folder" act on that file; the message goes away by itself, not while hovered', async () => {
    const path = join(files.dir, 'opened.xlsx');
    // The last test's export left its message up, with its 10 s auto-dismiss timer on the page's real clock. The clock
    // installed below cannot clear a timer made before it (Playwright's clock leaves native timers alone), so that
    // timer went off 10 s after the last export — under load, between this export's message and the click on Open
    // ("Open not found": the flake). The pointer resting on the message clears it now, with the real clearTimeout.
    await w.page.getByTestId('export-menu').hover();
    // The page's time stands still from here: only runFor moves it (a loaded machine cannot let the 10 s pass unseen).
    // Paused a minute ahead: the page's clock runs from install until the pause, and a pause at a moment it has
    // already passed (over a second between the two calls on a loaded machine) does not stop it.
    await w.page.clock.install();
    await w.page.clock.pauseAt(Date.now() + 60_000);
    await exportXlsx(w, path);
    const status = w.page.getByTestId('export-status');
    await w.page.getByTestId('export-open').click();
    await w.page.getByTestId('export-show-in-folder').click();
    await poll(() => w.harness.testCore.shell.openedPaths).toEqual([path]);
    await poll(() => w.harness.testCore.shell.shownInFolder).toEqual([path]);
    // The pointer rests on the message (it just clicked there): it stays, however long.
    await w.page.clock.runFor(30_000);
    await expect(status.textContent()).resolves.toContain('opened.xlsx');
    // Once the pointer and the focus are elsewhere it goes away ~10 s later, with its buttons.
    await w.page.mouse.move(5, 600);
    await w.page.getByTestId('as-of').focus();
    await w.page.clock.runFor(5_000);
    await expect(status.textContent()).resolves.toContain('opened.xlsx');
    await w.page.clock.runFor(6_000);
    await poll(() => status.getAttribute('data-state')).toBe('idle');
    expect(await w.page.getByTestId('export-open').count()).toBe(0);
    // The OS cannot open the file: the message says why.
    await exportXlsx(w, join(files.dir, 'moved.xlsx'));
    w.harness.testCore.shell.openPathError = 'The file was moved';
    await w.page.getByTestId('export-open').click();
    await poll(() => status.textContent()).toContain('The exported file could not be opened: The file was moved');
    w.harness.testCore.shell.openPathError = '';
  });
});
