import { describe, expect, it } from 'vitest';
import { agingByCustomer } from '../../../electron/core/export/report-tables';
import { computeAging } from '../../../renderer/src/invoices/aging';
import { dayNumber } from '../../../renderer/src/invoices/plain-date';
import { prepareInvoices } from '../../../renderer/src/invoices/prepared';
import { computeTotals } from '../../../renderer/src/invoices/totals';
import { customerAgingOf } from '../../../renderer/src/report/customer-aging';
import { row } from '../renderer/invoice-fixtures';

/**
 * A currency with three decimals (Kuwaiti dinar): 1.235 + 2.235 KWD is 3.470 KWD on the card, in its aging bucket, in
 * the aging-by-customer report and in its XLSX — summed in hundredths each balance was rounded first (3.48).
 */
describe('sums in a three-decimal currency', () => {
  const rows = [row({ currency: 'KWD', total: 1.235, balance: 1.235, dueDate: '2026-11-20' }), row({ currency: 'KWD', total: 2.235, balance: 2.235, dueDate: '2026-11-20' })];
  const prepared = prepareInvoices(rows);
  const all = [0, 1];
  const asOf = '2026-12-04';

  it('card total and balance', () => {
    const [kwd] = computeTotals(prepared, all);
    expect(kwd).toMatchObject({ currency: 'KWD', total: 3.47, balance: 3.47 });
  });

  it('the card’s aging bucket, the report on screen and the report’s file agree on 3.470', () => {
    const [aging] = computeAging(prepared, all, dayNumber(asOf), 'dueDate');
    expect(aging!.buckets.find((b) => b.key === '1-30')!.balance).toBe(3.47);
    const [shown] = customerAgingOf(prepared, all, dayNumber(asOf), 'dueDate');
    expect(shown!.totals.total).toBe(3.47);
    const [file] = agingByCustomer(rows, { asOf });
    expect(file!.totals.amounts).toEqual([0, 3.47, 0, 0, 0]);
  });
});
