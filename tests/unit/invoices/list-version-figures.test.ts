import { describe, expect, it } from 'vitest';
import type { InvoiceRow } from '../../../electron/contract';
import type { InvoiceRepository } from '../../../electron/core/invoices/cache/invoice-repository';
import { InvoiceLists } from '../../../electron/core/invoices/read/invoice-list';
import { applyRelatedDelta, type RelatedCopy, type RelatedDelta, type RelatedRecord } from '../../../electron/core/invoices/related/related-copy';
import type { Snapshot } from '../../../electron/core/invoices/snapshot/snapshot';
import { MemoryLogger } from '../../support/test-ports';

/**
 * The list's version after a sync (invoice-list.ts sameRows): kept when the new copy's rows, payment figures included, are
 * those of before; new otherwise. Here the invoices stay the same and only the related records change — what a real org's
 * roll-ups rarely leave (an application moves the invoice's balance too), so no integration test can single it out: a
 * wrong "same related records" would keep the old version over new figures.
 */
const invoices: InvoiceRow[] = [
  { id: 'INV1', number: 'INV-1', customer: 'Acme', invoiceDate: '2026-10-01', dueDate: '2026-10-31', status: 'Posted', total: 100, balance: 60, currency: 'EUR', lastModified: null },
  { id: 'INV2', number: 'INV-2', customer: 'Bolt', invoiceDate: '2026-10-02', dueDate: '2026-11-01', status: 'Posted', total: 50, balance: 50, currency: 'EUR', lastModified: null },
];
const app = (id: string, amount: number): RelatedRecord => ({ id, source: 'P1', invoice: 'INV1', amount, type: 'Applied', date: '2026-10-05', currency: 'EUR' });
const object = (role: 'payment' | 'creditNote' | 'paymentApplication' | 'creditApplication', records: RelatedRecord[]) => ({ role, object: role, signature: role, watermark: 1, records });
const related: RelatedCopy = {
  objects: [object('payment', [{ id: 'P1', amount: 500, currency: 'EUR' }]), object('creditNote', []), object('paymentApplication', [app('A1', 40)]), object('creditApplication', [])],
  warnings: [], none: null,
};
/** An incremental's delta: every object with these changes (none: the overlap's records fetched again, left out). */
const delta = (upserts: RelatedRecord[] = []): RelatedDelta => ({
  objects: related.objects.map((o) => ({ ...o, watermark: 2, replace: false, upserts: o.role === 'paymentApplication' ? upserts : [], deleted: [] })),
  warnings: [], none: null,
});

function lists() {
  let current: Snapshot | null = null;
  const repository = { current: async () => current, isLoaded: () => true, firstScreen: async () => null } as unknown as InvoiceRepository;
  const store = new Map<string, unknown>();
  const lists = new InvoiceLists(repository, { get: (k) => store.get(k) as never, set: (k, v) => void store.set(k, v), delete: (k) => void store.delete(k) }, new MemoryLogger());
  return {
    async after(syncedAt: string, copy: RelatedCopy) {
      current = { object: 'Invoice', signature: 's', syncedAt, watermark: 1, rows: invoices.map((row) => ({ ...row })), related: copy };
      return lists.list('c1', {});
    },
  };
}

describe('the list version when only the related records change', () => {
  it('an incremental that changed nothing keeps the version and the figures', async () => {
    const l = lists();
    const first = await l.after('2026-12-01T10:00:00.000Z', related);
    expect(first.invoices[1]).toMatchObject({ id: 'INV1', paid: 40 });
    const same = await l.after('2026-12-01T10:05:00.000Z', applyRelatedDelta(related, delta()));
    expect(same.version).toBe(first.version);
    expect(same.invoices).toEqual(first.invoices);
  });

  it.each([
    ['an application changed', [app('A1', 30)], 30],
    ['a new application', [app('A2', 20)], 60],
  ])('%s, the invoices as they were: a new version and the new figures', async (_, upserts, paid) => {
    const l = lists();
    const first = await l.after('2026-12-01T10:00:00.000Z', related);
    const changed = await l.after('2026-12-01T10:05:00.000Z', applyRelatedDelta(related, delta(upserts)));
    expect(changed.invoices[1]).toMatchObject({ id: 'INV1', paid });
    expect(changed.version).not.toBe(first.version);
  });
});
