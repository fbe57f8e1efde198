import type { Page } from 'playwright-core';

export interface ShownReportTable {
  currency: string;
  corporate: boolean;
  /** Lines in display order: the customer's name ('' for the invoices without one), the five buckets and the total. */
  lines: { customer: string; name: string; amounts: Record<string, number> }[];
  totals: Record<string, number>;
}

/** Opens the aging-by-customer report (from the toolbar) and waits for it. */
export async function openReport(page: Page): Promise<void> {
  if ((await page.getByTestId('aging-report').count()) === 0) await page.getByTestId('aging-report-open').click();
  await page.getByTestId('aging-report').waitFor();
}

/** Every table of the report as shown: the data-amount of each cell (the number its text shows). */
export async function readReport(page: Page): Promise<ShownReportTable[]> {
  // No named helpers inside: tsx/esbuild would wrap them in a `__name` call the page does not have.
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="aging-report-table"]')].map((table) => ({
      currency: table.getAttribute('data-currency')!,
      corporate: table.hasAttribute('data-corporate'),
      rows: [...table.querySelectorAll('[data-testid="aging-report-line"], [data-testid="aging-report-totals"]')].map((row) => ({
        total: row.getAttribute('data-testid') === 'aging-report-totals',
        customer: row.getAttribute('data-customer') ?? '',
        name: row.querySelector('th')!.textContent ?? '',
        amounts: Object.fromEntries([...row.querySelectorAll('td[data-bucket]')].map((td) => [td.getAttribute('data-bucket')!, Number(td.getAttribute('data-amount'))])),
      })),
    })),
  ).then((tables) =>
    tables.map(({ rows, ...table }) => ({
      ...table,
      lines: rows.filter((row) => !row.total).map(({ customer, name, amounts }) => ({ customer, name, amounts })),
      totals: rows.find((row) => row.total)!.amounts,
    })),
  );
}
