import { describe, expect, it } from 'vitest';
import { OrgData } from '../../org/org-data';
import { resolveOptions } from '../../org/options';
import { runQuery } from '../../org/soql/query';

/**
 * A top-level `SystemModstamp > x` (what every incremental sync asks of every object) is answered by comparing the
 * stored stamps in place before the whole WHERE runs (soql/query.ts). The rows, in their order, must be those of the
 * WHERE on every row — here the same filter in parentheses, which the org reads the plain way — at the boundary
 * (`>` and `>=` on a stamp some records have), with other conditions, on every object with stamps, before and after
 * records are changed and added (the columns grown past their first arrays).
 */
const T0 = Date.UTC(2026, 11, 6, 12, 0, 0);
let clock = T0;
const data = new OrgData(resolveOptions({ invoices: 3000, objects: ['Invoice', 'blng__Invoice__c'], multiCurrency: true, payments: true, now: () => clock }));
const OBJECTS = ['Invoice', 'Payment', 'PaymentLineInvoice', 'CreditMemo', 'CreditMemoInvApplication', 'RefundLinePayment', 'blng__Invoice__c', 'blng__Payment__c',
  'blng__PaymentAllocationInvoice__c', 'blng__CreditNote__c', 'blng__CreditNoteAllocation__c', 'blng__DebitNote__c'];
const literal = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const ids = (soql: string, all: boolean) => {
  const result = runQuery(data, 64, soql, all);
  return Array.from(result.rows, (row) => String(result.columns[0]!.get(row)));
};

function expectSameRows(at: number[]): number {
  let matched = 0;
  for (const object of OBJECTS) {
    for (const ms of at) {
      for (const op of ['>', '>=']) {
        for (const [fast, plain] of [
          [`SystemModstamp ${op} ${literal(ms)}`, `(SystemModstamp ${op} ${literal(ms)})`],
          [`LastModifiedDate ${op} ${literal(ms)} AND Id != null`, `Id != null AND (LastModifiedDate ${op} ${literal(ms)})`],
        ]) {
          for (const all of [false, true]) {
            const got = ids(`SELECT Id FROM ${object} WHERE ${fast!}`, all);
            expect(got, `${object} ${fast} ${all}`).toEqual(ids(`SELECT Id FROM ${object} WHERE ${plain!}`, all));
            matched += got.length;
          }
        }
      }
    }
  }
  return matched;
}

describe('the org answers `SystemModstamp > x` with the rows the whole WHERE gives', () => {
  it('seeded, then with records changed, deleted and added at a stamp of their own', () => {
    const store = data.stores.get('Invoice')!;
    const seeded = Array.from({ length: 3000 }, (_, i) => store.modstamp[i]!).sort((a, b) => a - b);
    // A stamp some invoices have at the second (the boundary: > leaves them out, >= keeps them), the median, the oldest, none.
    store.modstamp[17] = Math.floor(seeded[2500]! / 1000) * 1000;
    const times = [store.modstamp[17]!, seeded[1500]!, seeded[0]! - 1, T0 + 3_600_000];
    expect(expectSameRows(times)).toBeGreaterThan(0);

    // Changes at T0 + 1 min: every 50th invoice of both shapes touched (deleted one of them), payments' stamps moved, and
    // new payments and applications pushed past the columns' arrays (replaced as they grow).
    clock = T0 + 60_000;
    for (const shape of ['Invoice', 'blng__Invoice__c'] as const) {
      const invoices = data.stores.get(shape)!;
      for (let i = 0; i < invoices.n; i += 50) invoices.touch(i);
      invoices.deleted[100] = 1;
      const money = data.receivables.get(shape)!;
      for (let r = 0; r < money.payments.sources.n; r += 97) money.payments.sources.set('modstamp', r, clock);
      for (let k = 0; k < 9000; k++) {
        const source = money.addSource('payments', 0, 10, 20_000, 0, clock + k);
        money.addApp('payments', source, k % invoices.n, 10, false, clock + k);
      }
    }
    expect(expectSameRows([...times, T0, T0 + 60_000, T0 + 60_700])).toBeGreaterThan(0);
    expect(ids(`SELECT Id FROM Payment WHERE SystemModstamp > ${literal(T0 + 60_000)}`, false)).toHaveLength(8999);
  });
});
