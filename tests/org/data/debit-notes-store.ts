import { Columns } from './columns.ts';
import type { ReceivablesStore } from './receivables-store.ts';
import { DAY_MS, hash2, mulberry32, notAfter } from './random.ts';

/** Billing's blng__Status__c picklist of a debit note, in its order; `status` holds the index. */
export const DEBIT_NOTE_STATUS = ['Posted', 'Draft', 'Cancelled'] as const;

const cols = { account: Uint32Array, total: Float64Array, balance: Float64Array, day: Int32Array, status: Uint8Array, deleted: Uint8Array, created: Float64Array, modstamp: Float64Array };

/**
 * Salesforce Billing debit notes (`blng__DebitNote__c`): a positive balance change for a customer (a late fee, a price
 * correction), its own receivable with its own balance (`blng__Balance__c`, what is still available, settled by payments
 * through debit note lines). Seeded next to ~3% of the Billing invoices, for that invoice's account and currency; some
 * paid in part or in full, a few drafts or cancelled. No invoice's balance changes (see electron/core/invoices/README.md).
 */
export class DebitNotesStore {
  readonly notes = new Columns(cols);

  constructor(private readonly money: ReceivablesStore, seed: number, refDay: number) {
    const rnd = mulberry32(hash2(seed, 0xdeb17));
    const s = money.invoices;
    for (let i = 0; i < s.n; i++) {
      if (rnd() >= 0.03) continue;
      const f = money.minor(i);
      const total = Math.max(1, Math.floor(money.grossMinor(i) * (0.02 + rnd() * 0.08)));
      const paid = rnd();
      const balance = paid < 0.6 ? total : paid < 0.8 ? Math.floor(total * rnd()) : 0;
      const day = Math.min(refDay, s.dueDay[i]! + 5 + Math.floor(rnd() * 35));
      // Entered between 11:00 and 17:00 (a hash, not a draw: every other value stays as it was), not all at 11:00:00.000 —
      // the ~240 notes of 100k invoices dated today shared one stamp, inside every incremental sync's 5-minute overlap.
      const at = notAfter(day * DAY_MS + 11 * 3_600_000 + (hash2(seed ^ 0xdeb17, i) % (6 * 3_600_000)), money.seededBefore);
      const kind = rnd();
      const status = kind < 0.05 ? 1 : kind < 0.08 ? 2 : 0;
      this.notes.push({ account: s.account[i]!, total: total / f, balance: balance / f, day, status, created: at, modstamp: at });
    }
  }

  /** A posted debit note (today) for an account, nothing of it paid yet. */
  issue(account: number, amount: number, at: number): number {
    return this.notes.push({ account, total: amount, balance: amount, day: Math.floor(this.money.now() / DAY_MS), created: at, modstamp: at });
  }
}
