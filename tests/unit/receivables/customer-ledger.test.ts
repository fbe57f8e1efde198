import { describe, expect, it } from 'vitest';
import { customerLedger } from '../../../electron/core/invoices/read/customer-ledger';
import type { RelatedCopy, RelatedRecord } from '../../../electron/core/invoices/related/related-copy';

type Role = 'payment' | 'paymentApplication' | 'creditNote' | 'creditApplication';
function copy(records: Partial<Record<Role, RelatedRecord[]>>): RelatedCopy {
  const roles: Role[] = ['payment', 'paymentApplication', 'creditNote', 'creditApplication'];
  return { objects: roles.map((role) => ({ role, object: role, signature: role, watermark: null, records: records[role] ?? [] })), warnings: [], none: null };
}
const source = (id: string, account: string, accountName: string | null, amount: number, date: string, extra: Partial<RelatedRecord> = {}): RelatedRecord =>
  ({ id, number: `N-${id}`, account, accountName, amount, date, currency: 'EUR', status: 'Posted', ...extra });
const app = (id: string, src: string, amount: number, type = 'Applied', invoice = 'INV1'): RelatedRecord => ({ id, source: src, invoice, amount, type, currency: 'EUR' });

describe('one customer’s payments, unapplied cash and credit notes not yet applied', () => {
  const data = copy({
    payment: [
      source('P1', 'ACC1', 'Acme', 100.1, '2026-10-01', { method: 'ACH' }),
      source('P2', 'ACC1', 'Acme', 50, '2026-11-01'),
      source('P3', 'ACC2', 'Acme', 1000, '2026-09-01', { currency: 'JPY' }),
      source('P4', 'ACC9', 'Other Ltd', 70, '2026-10-01'),
    ],
    paymentApplication: [
      // P1: 60.1 applied, 0.1 + 0.2 style cents stay exact; 40 applied and taken back → 60.1 applied, 40 unapplied.
      app('A1', 'P1', 30.05), app('A2', 'P1', 30.05), app('A3', 'P1', 40), app('A4', 'P1', 40, 'Unapplied'),
      // P2: wholly applied to an invoice of another customer's (it still is applied).
      app('A5', 'P2', 50, 'Applied', 'INV-ELSEWHERE'),
      // A zero or negative amount is not counted (as the detail panel leaves it out).
      { ...app('A6', 'P3', 0), currency: 'JPY' }, { ...app('A7', 'P3', -5), currency: 'JPY' }, { ...app('A8', 'P3', 400, 'Allocation'), currency: 'JPY' },
      app('A9', 'P4', 70),
    ],
    creditNote: [source('C1', 'ACC1', 'Acme', 80, '2026-10-10'), source('C2', 'ACC1', 'Acme', 25, '2026-10-12'), source('C3', 'ACC1', null, 10, '2026-10-12')],
    creditApplication: [app('B1', 'C1', 30), app('B2', 'C2', 25)],
  });

  it('matches by account name over every account of that name, nets reversals and sums unapplied per currency in minor units', () => {
    const got = customerLedger(data, { name: 'Acme' }, 'USD');
    expect(got.available).toBe(true);
    expect(got.accounts).toBe(2);
    expect(got.payments.map((p) => [p.id, p.date, p.applied, p.unapplied])).toEqual([
      ['P2', '2026-11-01', 50, 0], ['P1', '2026-10-01', 60.1, 40], ['P3', '2026-09-01', 400, 600],
    ]);
    expect(got.payments[1]).toMatchObject({ number: 'N-P1', method: 'ACH', currency: 'EUR', amount: 100.1 });
    // C2 is wholly applied (not listed); C3 has no account name (cannot be matched to anyone).
    expect(got.credits.map((c) => [c.id, c.applied, c.unapplied])).toEqual([['C1', 30, 50]]);
    expect(got.unapplied).toEqual([{ currency: 'EUR', cash: 40, credits: 50 }, { currency: 'JPY', cash: 600, credits: 0 }]);
  });

  it('with the account id, a customer is that account: not the other account of the same name, and every payment of it under an older name', () => {
    const renamed = copy({
      payment: [...data.objects[0]!.records, source('P5', 'ACC1', 'Acme (old name)', 12, '2026-08-01')],
      paymentApplication: data.objects[1]!.records,
      creditNote: data.objects[2]!.records,
      creditApplication: data.objects[3]!.records,
    });
    const first = customerLedger(renamed, { name: 'Acme', account: 'ACC1' }, 'USD');
    expect(first.accounts).toBe(1);
    expect(first.payments.map((p) => p.id)).toEqual(['P2', 'P1', 'P5']);
    // C3 has no account name but is ACC1's: matched by its account now (50 + 10 unapplied).
    expect(first.credits.map((c) => c.id)).toEqual(['C3', 'C1']);
    expect(first.unapplied).toEqual([{ currency: 'EUR', cash: 52, credits: 60 }]);
    const second = customerLedger(renamed, { name: 'Acme', account: 'ACC2' }, 'USD');
    expect(second.payments.map((p) => p.id)).toEqual(['P3']);
    expect(second.credits).toEqual([]);
    // By name alone (a copy without account ids), both accounts of that name are one customer, as before.
    expect(customerLedger(renamed, { name: 'Acme' }, 'USD').accounts).toBe(2);
  });

  it('answers an empty ledger for a customer with no payments, and says why when the copy has none', () => {
    expect(customerLedger(data, { name: 'Nobody' }, 'USD')).toMatchObject({ available: true, accounts: 0, payments: [], credits: [], unapplied: [] });
    expect(customerLedger({ objects: [], warnings: [], none: 'Invoice__c has none' }, { name: 'Acme' }, 'USD')).toMatchObject({ available: false, note: 'Invoice__c has none' });
    expect(customerLedger(null, { name: 'Acme' }, 'USD').available).toBe(false);
  });

  it('leaves out a draft or cancelled payment (not money received) and credit note (not issued): not listed, not unapplied — as the statement leaves them out', () => {
    const withDrafts = copy({
      payment: [
        source('P1', 'ACC1', 'Acme', 100, '2026-10-01'),
        source('P2', 'ACC1', 'Acme', 40, '2026-10-02', { status: 'Draft' }),
        source('P3', 'ACC1', 'Acme', 30, '2026-10-03', { status: 'Canceled' }),
        source('P4', 'ACC1', 'Acme', 20, '2026-10-04', { status: 'Processed' }),
      ],
      paymentApplication: [app('A1', 'P1', 60)],
      creditNote: [source('C1', 'ACC1', 'Acme', 80, '2026-10-10', { status: 'Draft' }), source('C2', 'ACC1', 'Acme', 15, '2026-10-12')],
    });
    const got = customerLedger(withDrafts, { name: 'Acme' }, 'USD');
    expect(got.payments.map((p) => [p.id, p.unapplied])).toEqual([['P4', 20], ['P1', 40]]);
    expect(got.credits.map((c) => c.id)).toEqual(['C2']);
    expect(got.unapplied).toEqual([{ currency: 'EUR', cash: 60, credits: 15 }]);
    // A customer whose only payment is a draft has none.
    const onlyDraft = copy({ payment: [source('P9', 'ACC9', 'Drafty', 10, '2026-10-01', { status: 'Draft' })] });
    expect(customerLedger(onlyDraft, { name: 'Drafty' }, 'USD')).toMatchObject({ available: true, payments: [], unapplied: [] });
  });

  it('an application in another currency than its payment’s is shown apart, never summed; it used the payment up: nothing of it unapplied', () => {
    const mixed = copy({
      payment: [source('P1', 'ACC1', 'Acme', 100, '2026-10-01'), source('P2', 'ACC1', 'Acme', 30, '2026-10-02')],
      paymentApplication: [
        app('A1', 'P1', 60), { ...app('A2', 'P1', 5000), currency: 'JPY' }, { ...app('A3', 'P1', 1000, 'Unapplied'), currency: 'JPY' },
        // P2's yen were applied and wholly taken back: its 30 EUR are unapplied again, nothing shown beside it.
        { ...app('A4', 'P2', 700), currency: 'JPY' }, { ...app('A5', 'P2', 700, 'Unapplied'), currency: 'JPY' },
      ],
      creditNote: [source('C1', 'ACC1', 'Acme', 80, '2026-10-10')],
      creditApplication: [{ ...app('B1', 'C1', 20), currency: 'GBP' }],
    });
    const got = customerLedger(mixed, { name: 'Acme' }, 'USD');
    expect(got.payments.find((p) => p.id === 'P1')).toMatchObject({ applied: 60, unapplied: 0, otherCurrency: [{ currency: 'JPY', amount: 4000 }] });
    expect(got.payments.find((p) => p.id === 'P2')).toMatchObject({ applied: 0, unapplied: 30 });
    expect(got.payments.find((p) => p.id === 'P2')!.otherCurrency).toBeUndefined();
    // A credit note applied in another currency is no credit left to apply.
    expect(got.credits).toEqual([]);
    expect(got.unapplied).toEqual([{ currency: 'EUR', cash: 30, credits: 0 }]);
  });

  it('puts records without a currency (a single-currency org) in the fallback currency', () => {
    const single = copy({ payment: [source('P1', 'ACC1', 'Acme', 10, '2026-10-01', { currency: null })] });
    expect(customerLedger(single, { name: 'Acme' }, 'GBP').unapplied).toEqual([{ currency: 'GBP', cash: 10, credits: 0 }]);
  });
});
