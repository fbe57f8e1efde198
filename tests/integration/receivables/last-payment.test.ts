import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { InvoiceList, InvoiceListRow } from '../../../electron/contract';
import { useOrgHarness } from '../../support/org-setup';
import { CONNECTION_ID as connectionId } from '../invoices/support/invoice-harness';
import { dayOf, expectedFigures, FAMILIES, minor } from './org-ledger';

const DAY = 86_400_000;
const instantAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

/**
 * Issue 13, review18's low: "Last payment" is the last payment that still counts. An invoice whose only payment was taken back
 * (an Unapplied / Unallocation of it) has none, in the list, as of an earlier day, and in CSV / XLSX exports; every invoice's
 * figure equals the independent computation over the org's records (org-ledger.ts expectedFigures).
 */
describe.each(Object.keys(FAMILIES) as (keyof typeof FAMILIES)[])('Last payment after a reversal (%s)', (shape) => {
  const world = useOrgHarness({ invoices: 300, objects: [shape] }, { sync: 'full' });
  const f = FAMILIES[shape];

  it('applied, taken back, applied again partly: the list, the as-of figures and the exports show the payment that still stands', async () => {
    // Invoices nothing was applied to yet, so each one's story is the one told here.
    const touched = new Set([...world.org.control.records(f.paymentApp), ...world.org.control.records(f.creditApp)].map((a) => a[f.appInvoice] as string));
    const fresh = world.org.control.records(shape).filter((i) => (i[f.balance] as number) > 10 && !touched.has(i.Id as string)).map((i) => i.Id as string);
    expect(fresh.length).toBeGreaterThan(3);
    const [only, again, later] = fresh as [string, string, string];
    // `only`: its one payment, 10 days ago, taken back today.
    world.org.control.reverseApplication(world.org.control.applyPayment(only, 4, { appliedAt: instantAgo(10) }).applicationId);
    // `again`: paid 12 days ago, taken back today, then paid again in part (another payment, 3 days ago).
    world.org.control.reverseApplication(world.org.control.applyPayment(again, 4, { appliedAt: instantAgo(12) }).applicationId);
    world.org.control.applyPayment(again, 1.5, { appliedAt: instantAgo(3) });
    // `later`: a payment applied 10 days ago, more of it applied today and that taken back: the first application still counts.
    const first = world.org.control.applyPayment(later, 4, { appliedAt: instantAgo(10) });
    world.org.control.reverseApplication(world.org.control.allocatePayment(first.paymentId, later, 2));

    const sync = await world.harness.call('invoices.sync', { connectionId, mode: 'incremental' });
    expect(sync.ok, JSON.stringify(sync.error)).toBe(true);
    const rows = ((await world.harness.call('invoices.list', { connectionId })).value as InvoiceList).invoices;
    const byId = new Map(rows.map((row) => [row.id, row]));
    const pick = (row: InvoiceListRow | undefined) => ({ paid: minor(row!.paid!, row!.currency), lastPaymentDate: row!.lastPaymentDate ?? null });
    expect(pick(byId.get(only))).toEqual({ paid: 0, lastPaymentDate: null });
    expect(pick(byId.get(again))).toEqual({ paid: 150, lastPaymentDate: dayOf(instantAgo(3)) });
    expect(pick(byId.get(later))).toEqual({ paid: 400, lastPaymentDate: dayOf(instantAgo(10)) });

    // Every invoice (the seeded ones too: some applied, taken back and applied again) against the org's records.
    const expected = expectedFigures(world.org, shape);
    for (const row of rows) {
      const want = expected.get(row.id)!;
      expect({ paid: minor(row.paid!, row.currency), lastPaymentDate: row.lastPaymentDate }, row.number).toEqual({ paid: want.paid, lastPaymentDate: want.lastPaymentDate });
    }

    // As of 5 days ago the reversals of today were not made yet: each payment then still counted.
    const asOf = new Date(Date.now() - 5 * DAY).toISOString().slice(0, 10);
    const then = await world.harness.call('invoices.balancesAsOf', { connectionId, asOf });
    expect(then.ok, JSON.stringify(then.error)).toBe(true);
    const figuresThen = then.value.figures!;
    expect(figuresThen[only]).toMatchObject({ paid: 4, lastPaymentDate: dayOf(instantAgo(10)) });
    expect(figuresThen[again]).toMatchObject({ paid: 4, lastPaymentDate: dayOf(instantAgo(12)) });
    expect(figuresThen[later]?.lastPaymentDate ?? byId.get(later)!.lastPaymentDate).toBe(dayOf(instantAgo(10)));
    const expectedThen = expectedFigures(world.org, shape, asOf);
    for (const row of rows) {
      const want = expectedThen.get(row.id);
      if (!want) continue;
      const got = figuresThen[row.id] ?? row;
      expect(got.lastPaymentDate ?? null, `${row.number} as of ${asOf}`).toBe(want.lastPaymentDate);
    }

    // The exports write the list's figure: nothing for `only`.
    const ids = [only, again, later];
    const today = new Date().toISOString().slice(0, 10);
    world.harness.saveDialog.answer = join(world.dir, 'last.csv');
    const csv = await world.harness.call('invoices.export', { connectionId, format: 'csv', columns: ['number', 'paid', 'lastPaymentDate'], ids, asOf: today });
    expect(csv.ok, JSON.stringify(csv.error)).toBe(true);
    const lines = readFileSync(world.harness.saveDialog.answer, 'utf8').slice(1).trimEnd().split('\r\n');
    expect(lines.slice(1).map((line) => line.split(',').slice(1))).toEqual([['0', ''], ['1.5', dayOf(instantAgo(3))], ['4', dayOf(instantAgo(10))]]);
    world.harness.saveDialog.answer = join(world.dir, 'last.xlsx');
    const xlsx = await world.harness.call('invoices.export', { connectionId, format: 'xlsx', columns: ['number', 'paid', 'lastPaymentDate'], ids, asOf: today });
    expect(xlsx.ok, JSON.stringify(xlsx.error)).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(world.harness.saveDialog.answer);
    const sheet = workbook.worksheets[0]!;
    const cell = (r: number) => {
      const value = sheet.getRow(r).getCell(3).value;
      return value instanceof Date ? value.toISOString().slice(0, 10) : (value ?? null);
    };
    expect([cell(2), cell(3), cell(4)]).toEqual([null, dayOf(instantAgo(3)), dayOf(instantAgo(10))]);
  });
});
