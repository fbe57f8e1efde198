import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/test-ports';
import { CONNECTION_ID, withOrgHarness, type Harness } from './support/invoice-harness';

/** An as-of date some weeks back. */
const AS_OF = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);

/**
 * The XLSX Summary sheet says where the balances of an as-of export come from, as the workspace's as-of note does:
 * as of the aging date only when the payment and credit applications are synced; otherwise as of the last sync.
 */
async function balancesSaid(harness: Harness, path: string, report: 'invoices' | 'agingByCustomer'): Promise<unknown> {
  const connectionId = CONNECTION_ID;
  await harness.call('invoices.sync', { connectionId });
  const list = await harness.call('invoices.list', { connectionId });
  const ids = list.value.invoices.map((row: { id: string }) => row.id);
  harness.saveDialog.answer = path;
  await harness.call('invoices.export', { connectionId, format: 'xlsx', columns: ['number', 'balance'], ids, asOf: AS_OF, balancesAsOf: true, report });
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const rows = book.getWorksheet('Summary')!.getSheetValues().map((row) => (row as unknown[] | undefined)?.slice(1) ?? []);
  return rows.find((row) => row?.[0] === 'Balances')?.[1];
}

describe('the Summary sheet of an as-of export says where its balances come from', () => {
  const files = tempDir();

  it('an org without payment applications: "As of the last sync", not as of the aging date (nothing could move them back)', async () => {
    await withOrgHarness({ invoices: 200, payments: false }, async (harness) => {
      expect(await balancesSaid(harness, join(files.dir, 'no-payments.xlsx'), 'invoices')).toBe('As of the last sync');
      expect(await balancesSaid(harness, join(files.dir, 'no-payments-report.xlsx'), 'agingByCustomer')).toBe('As of the last sync');
    });
  });

  it('an org with them: as of the aging date, from the payments and credits applied by then', async () => {
    await withOrgHarness({ invoices: 200 }, async (harness) => {
      expect(await balancesSaid(harness, join(files.dir, 'payments.xlsx'), 'invoices')).toBe('As of the aging date, from the payments and credits applied by then');
    });
    files.remove();
  });
});
