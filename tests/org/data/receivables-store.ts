import { Columns } from './columns.ts';
import { St, type InvoiceStore } from './invoice-store.ts';
import { DAY_MS, hash2, mulberry32, notAfter } from './random.ts';

/** Payment methods (Billing's blng__PaymentType__c; Revenue Cloud's Payment.Type is Capture/Sale). */
export const METHODS = ['ACH', 'Credit Card', 'Check', 'Wire Transfer'];

/** `status`: 0 = received / issued (Processed or Posted), else 1 + the index in the status picklist (1 Draft, 3 Canceled): setSourceStatus. */
const src = { account: Uint32Array, amount: Float64Array, day: Int32Array, method: Uint8Array, status: Uint8Array, deleted: Uint8Array, created: Float64Array, modstamp: Float64Array };
/** `effective`: the instant the application takes effect (Revenue Cloud's PaymentLineInvoice.EffectiveDate): its creation unless set. */
const app = { source: Uint32Array, invoice: Uint32Array, amount: Float64Array, reversal: Uint8Array, reversed: Uint8Array, deleted: Uint8Array, created: Float64Array, modstamp: Float64Array, effective: Float64Array };
export type SourceCol = keyof typeof src;
export type AppCol = keyof typeof app;

/** Payments or credit notes (sources) and their applications to invoices. */
export interface Ledger {
  sources: Columns<SourceCol>;
  apps: Columns<AppCol>;
}

/**
 * The money around one invoice shape's invoices: payments and credit notes, and their
 * applications (reversals included), column-wise. For every invoice, in minor units:
 * total − Σ payments applied − Σ credits applied (reversals counted negative) = balance.
 */
export class ReceivablesStore {
  readonly payments: Ledger = { sources: new Columns(src), apps: new Columns(app) };
  readonly credits: Ledger = { sources: new Columns(src), apps: new Columns(app) };
  private byInvoice: Map<number, { kind: 'payments' | 'credits'; row: number }[]> | null = null;
  private lastStamp = 0;
  /**
   * Seeded stamps are no later than this: ten minutes before the org's clock when it seeded (a payment is stamped ten
   * minutes before its application, a reversal and its re-application one and two minutes after it).
   */
  readonly seededBefore: number;

  constructor(
    readonly invoices: InvoiceStore,
    seed: number,
    private readonly refDay: number,
    unappliedShare: number,
  ) {
    this.seededBefore = invoices.now() - 600_000;
    const rnd = mulberry32(hash2(seed, 0x7e5ab1e));
    for (let i = 0; i < invoices.n; i++) this.generate(i, rnd, unappliedShare);
  }

  minor(i: number): number {
    return 10 ** this.invoices.decimalsOf(i);
  }

  /** The invoice's gross total (what the balance started from), in minor units. */
  grossMinor(i: number): number {
    const s = this.invoices;
    const f = this.minor(i);
    return Math.round(s.total[i]! * f) + Math.round(s.tax[i]! * f);
  }

  /** Application rows of one invoice, both kinds, in creation order. */
  appsOf(i: number): { kind: 'payments' | 'credits'; row: number }[] {
    if (!this.byInvoice) {
      this.byInvoice = new Map();
      for (const kind of ['payments', 'credits'] as const) {
        const a = this.ledger(kind).apps;
        for (let r = 0; r < a.n; r++) this.index(kind, r, a.get('invoice', r));
      }
    }
    return this.byInvoice.get(i) ?? [];
  }

  ledger(kind: 'payments' | 'credits'): Ledger {
    return kind === 'payments' ? this.payments : this.credits;
  }

  /** The org's clock (its invoices'). */
  now(): number {
    return this.invoices.now();
  }

  /** The stamp of a change made now (as InvoiceStore.nextStamp: never before the last one, never after the clock). */
  stamp(): number {
    this.lastStamp = Math.max(this.lastStamp, this.invoices.nextStamp());
    return this.lastStamp;
  }

  addSource(kind: 'payments' | 'credits', account: number, amount: number, day: number, method: number, at: number): number {
    return this.ledger(kind).sources.push({ account, amount, day, method, created: at, modstamp: at });
  }

  addApp(kind: 'payments' | 'credits', source: number, invoice: number, amount: number, reversal: boolean, at: number): number {
    const row = this.ledger(kind).apps.push({ source, invoice, amount, reversal: reversal ? 1 : 0, created: at, modstamp: at, effective: at });
    if (this.byInvoice) this.index(kind, row, invoice);
    return row;
  }

  /** Net applied amount of one source (applications minus reversals, deleted ones left out), in minor units. */
  appliedOfSource(kind: 'payments' | 'credits', source: number, f: number): number {
    const a = this.ledger(kind).apps;
    let sum = 0;
    for (let r = 0; r < a.n; r++) {
      if (a.get('source', r) !== source || a.get('deleted', r)) continue;
      sum += (a.get('reversal', r) ? -1 : 1) * Math.round(a.get('amount', r) * f);
    }
    return sum;
  }

  private index(kind: 'payments' | 'credits', row: number, invoice: number): void {
    let list = this.byInvoice!.get(invoice);
    if (!list) this.byInvoice!.set(invoice, (list = []));
    list.push({ kind, row });
  }

  private generate(i: number, rnd: () => number, unappliedShare: number): void {
    const s = this.invoices;
    const f = this.minor(i);
    const applied = this.grossMinor(i) - Math.round(s.balance[i]! * f);
    const account = s.account[i]!;
    const terms = s.dueDay[i]! - s.invDay[i]!;
    const dayAt = (offset: number) => Math.min(this.refDay, s.invDay[i]! + offset);
    // Never after the org's clock: a payment dated today, made at 16:00 while it is 10:00, was entered the day before (notAfter).
    const at = (day: number) => notAfter(day * DAY_MS + 9 * 3_600_000 + Math.floor(rnd() * 8 * 3_600_000), this.seededBefore);
    if (s.status[i] === St.Cancelled && applied <= 0) {
      // Cancelled without a credit note (see invoice-store): draws what the credit note would have, so every
      // later invoice's payments stay as they were.
      const day = dayAt(1 + Math.floor(rnd() * 10));
      at(day);
      at(day);
      return;
    }
    if (applied <= 0 || s.status[i] === St.Draft) return;
    if (s.status[i] === St.Cancelled) {
      const day = dayAt(1 + Math.floor(rnd() * 10));
      const note = this.addSource('credits', account, applied / f, day, 0, at(day));
      this.addApp('credits', note, i, applied / f, false, at(day));
      return;
    }
    const credit = rnd() < 0.12 ? Math.floor(applied * (0.1 + rnd() * 0.3)) : 0;
    if (credit > 0) {
      const day = dayAt(Math.floor(rnd() * terms));
      // Some credit notes are bigger than what they were applied for: the rest stays unapplied.
      const extra = rnd() < unappliedShare ? Math.floor(credit * rnd() * 0.5) : 0;
      const note = this.addSource('credits', account, (credit + extra) / f, day, 0, at(day));
      this.addApp('credits', note, i, credit / f, false, at(day));
    }
    const paid = applied - credit;
    if (paid <= 0) return;
    const parts = rnd() < 0.45 ? 2 + Math.floor(rnd() * 2) : 1;
    let left = paid;
    let offset = Math.floor(rnd() * (terms + 20));
    for (let p = 0; p < parts; p++) {
      const amount = p === parts - 1 ? left : Math.floor(left * (0.3 + rnd() * 0.4));
      if (amount <= 0) continue;
      left -= amount;
      const day = dayAt(offset);
      offset += 5 + Math.floor(rnd() * 25);
      const extra = rnd() < unappliedShare ? Math.floor(amount * (0.1 + rnd() * 0.4)) : 0;
      const pay = this.addSource('payments', account, (amount + extra) / f, day, Math.floor(rnd() * METHODS.length), at(day) - 600_000);
      const t = at(day);
      if (rnd() < 0.06) {
        // Applied, taken back (an Unallocation / Unapplied record), applied again.
        const first = this.addApp('payments', pay, i, amount / f, false, t);
        this.payments.apps.set('reversed', first, 1);
        this.addApp('payments', pay, i, amount / f, true, t + 60_000);
        this.addApp('payments', pay, i, amount / f, false, t + 120_000);
      } else {
        this.addApp('payments', pay, i, amount / f, false, t);
      }
    }
  }
}
