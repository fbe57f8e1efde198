import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/test-ports';
import { CONNECTION_ID as connectionId, withOrgHarness } from './support/invoice-harness';

/** An as-of date some weeks back: the seeded org has applications made after it. */
const AS_OF = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);

const cellText = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'object' && value !== null && 'richText' in value ? (value as { richText: { text: string }[] }).richText.map((r) => r.text).join('') : String(value ?? ''));

/**
 * The XLSX of an as-of view (the user chose the aging date; balances as of it): its Applications sheet says, per application,
 * whether the invoice's balance counts it ("Counted in balance"). The balances written are as of the day, so an application
 * made after that day is not in them: the sheet must not say it is (an accountant ticks the balance off against the
 * applications counted).
 */
describe('the Applications sheet of an as-of export', () => {
  const files = tempDir();
  afterAll(() => files.remove());

  it('does not call an application made after the as-of day "counted in balance"', async () => {
    await withOrgHarness({ invoices: 300 }, async (harness) => {
      expect((await harness.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
      const list = await harness.call('invoices.list', { connectionId });
      const ids = list.value.invoices.map((row: { id: string }) => row.id);
      const path = join(files.dir, 'as-of.xlsx');
      harness.saveDialog.answer = path;
      const exported = await harness.call('invoices.export', { connectionId, format: 'xlsx', columns: ['number', 'total', 'balance'], ids, asOf: AS_OF, balancesAsOf: true });
      expect(exported.ok, JSON.stringify(exported.error)).toBe(true);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(path);
      const [header, ...rows] = book.getWorksheet('Applications')!.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1).map(cellText));
      const date = header!.indexOf('Date');
      const counted = header!.indexOf('Counted in balance');
      expect(counted).toBeGreaterThan(0);
      const later = rows.filter((row) => row[date]! > AS_OF);
      // The seeded org applies payments over the last months: some after the day, or this test proves nothing.
      expect(later.length).toBeGreaterThan(0);
      const saidCounted = later.filter((row) => row[counted] === 'Yes');
      expect(saidCounted.map((row) => `${row[0]} ${row[date]}`)).toEqual([]);
      // Each says why, in the user's words; those made by the day are counted as before.
      for (const row of later) expect(row[counted]).toContain(`made after the aging date (${AS_OF})`);
      expect(rows.filter((row) => row[date]! <= AS_OF).some((row) => row[counted] === 'Yes')).toBe(true);
    });
  });
});
