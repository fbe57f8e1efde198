import { Columns } from './columns.ts';
import type { ReceivablesStore } from './receivables-store.ts';
import type { RefundsStore } from './refunds-store.ts';
import { DAY_MS, hash2, mulberry32, notAfter } from './random.ts';

const lineCols = {
  refund: Uint32Array, creditNoteLine: Uint32Array, amount: Float64Array, day: Int32Array, reversal: Uint8Array, status: Uint8Array,
  deleted: Uint8Array, created: Float64Array, modstamp: Float64Array,
};

/**
 * Refunds of Salesforce Billing credit notes (`blng__RefundLineCreditNoteLine__c`, Billing developer guide API 67.0: a refund line
 * → a credit note *line*, blng__CreditNoteLine__c master-detail, blng__Refund__c, blng__Amount__c, blng__Status__c
 * Cancelled/Draft/Posted, blng__Type__c Allocation/Unallocation). Every credit note has one credit note line here
 * (`blng__CreditNoteLine__c`, the same row as its credit note: its whole amount), so a line's refunds are its credit note's.
 * The refund head (`blng__Refund__c`) is a row of the payments' RefundsStore. A refund never touches an invoice: it pays back
 * what is unapplied of the credit note. Seeded consistently: never more than what is unapplied (amount − net applied − net
 * refunded). Status codes as RefundsStore's (0 Posted, 1 Draft, 2 Cancelled).
 */
export class CreditRefundsStore {
  readonly lines = new Columns(lineCols);
  /**
   * Per credit note (its one line): what debit notes took of it, major units — the line's blng__Debits__c, a calculated field
   * Billing keeps (its blng__Balance__c = total − allocations + unallocations − refunds − debits). Not seeded: only
   * allocateDebitNote makes one.
   */
  readonly debits = new Map<number, number>();

  constructor(
    private readonly money: ReceivablesStore,
    private readonly refunds: RefundsStore,
    seed: number,
    private readonly refDay: number,
  ) {
    this.seed(mulberry32(hash2(seed, 0xc4ed17)));
  }

  /** Minor units per major unit of a credit note's currency (its first application's invoice). */
  scaleOf(creditNote: number): number {
    const apps = this.money.credits.apps;
    for (let r = 0; r < apps.n; r++) if (apps.get('source', r) === creditNote) return this.money.minor(apps.get('invoice', r));
    return 100;
  }

  /** Whether a refund line pays money back: not deleted, Posted. */
  counts(line: number): boolean {
    return this.lines.get('deleted', line) === 0 && this.lines.get('status', line) === 0;
  }

  /** Net refunded of one credit note (its one line's allocations minus unallocations; deleted, draft, cancelled left out), minor units. */
  refundedOf(creditNote: number, f: number): number {
    let sum = 0;
    for (let r = 0; r < this.lines.n; r++) {
      if (this.lines.get('creditNoteLine', r) !== creditNote || !this.counts(r)) continue;
      sum += (this.lines.get('reversal', r) ? -1 : 1) * Math.round(this.lines.get('amount', r) * f);
    }
    return sum;
  }

  /** What is unapplied of a credit note, not refunded and not taken by debit notes yet, minor units (its line's blng__Balance__c). */
  restOf(creditNote: number, f: number): number {
    const amount = Math.round(this.money.credits.sources.get('amount', creditNote) * f);
    return amount - this.money.appliedOfSource('credits', creditNote, f) - this.refundedOf(creditNote, f) - Math.round((this.debits.get(creditNote) ?? 0) * f);
  }

  /** A refund of `amount` (major units) of a credit note: a refund head and its one line on the credit note's line. */
  add(creditNote: number, amount: number, day: number, at: number, status = 0): { refund: number; line: number } {
    const account = this.money.credits.sources.get('account', creditNote);
    const refund = this.refunds.refunds.push({ account, amount, day, created: at, modstamp: at });
    const line = this.lines.push({ refund, creditNoteLine: creditNote, amount, day, status, created: at, modstamp: at });
    return { refund, line };
  }

  private seed(rnd: () => number): void {
    const { sources, apps } = this.money.credits;
    // One pass over the applications (a credit note's scale and net applied), not one per credit note: 100k orgs stay fast.
    const scale = new Float64Array(sources.n).fill(100);
    const seen = new Uint8Array(sources.n);
    const applied = new Float64Array(sources.n);
    for (let r = 0; r < apps.n; r++) {
      const c = apps.get('source', r);
      if (!seen[c]) {
        seen[c] = 1;
        scale[c] = this.money.minor(apps.get('invoice', r));
      }
      if (!apps.get('deleted', r)) applied[c] = applied[c]! + (apps.get('reversal', r) ? -1 : 1) * Math.round(apps.get('amount', r) * scale[c]!);
    }
    for (let c = 0; c < sources.n; c++) {
      const f = scale[c]!;
      const rest = Math.round(sources.get('amount', c) * f) - applied[c]!;
      if (rest <= 0 || rnd() >= 0.4) continue;
      const minor = Math.max(1, Math.floor(rest * (0.3 + rnd() * 0.7)));
      const day = Math.min(this.refDay, sources.get('day', c) + 5 + Math.floor(rnd() * 40));
      const at = notAfter(day * DAY_MS + 11 * 3_600_000 + Math.floor(rnd() * 5 * 3_600_000), this.money.seededBefore);
      const kind = rnd();
      if (kind < 0.08) {
        // Still a draft: nothing paid back yet.
        this.add(c, minor / f, day, at, 1);
      } else if (kind < 0.16) {
        // Allocated, then taken back by an Unallocation line of the same refund: nets to nothing.
        const { refund } = this.add(c, minor / f, day, at);
        this.lines.push({ refund, creditNoteLine: c, amount: minor / f, day, reversal: 1, created: at + 60_000, modstamp: at + 60_000 });
      } else {
        this.add(c, minor / f, day, at);
      }
    }
  }
}
