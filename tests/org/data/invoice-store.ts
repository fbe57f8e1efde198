import { CURRENCY_DECIMALS, CURRENCIES, type AccountData } from './accounts.ts';
import { DAY_MS, hash2, mulberry32, notAfter } from './random.ts';

/**
 * Canonical status codes shared by every invoice shape. Rebilled (Salesforce Billing: cancelled and replaced) is never
 * seeded: a test sets it (control.updateInvoices) on a Billing invoice, whose records may hold it (invoice-tables.ts).
 */
export const St = { Draft: 0, Posted: 1, Paid: 2, Cancelled: 3, Rebilled: 4 } as const;

export interface Line { slot: number; product: string; quantity: number; unitPrice: number; amount: number }

/** Line rows per invoice: line r belongs to invoice floor(r / LINE_SLOTS), slot r % LINE_SLOTS. */
export const LINE_SLOTS = 8;

const TERMS = [15, 30, 30, 45, 60];
/** Days past due for the first invoices, so every aging bucket is populated even in tiny orgs. */
const FORCED_OVERDUE = [-10, 15, 45, 75, 120];
/**
 * The next invoices are a recent draft and a cancelled invoice never credited (its balance open), so every org,
 * however small, has both with a balance. Their random draws are made as for any other invoice, so every other
 * invoice of the org stays as it was.
 */
const FORCED_KIND: Record<number, { status: number; age: number }> = { 5: { status: St.Draft, age: 3 }, 6: { status: St.Cancelled, age: 40 } };

function round(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

/**
 * Invoices of one shape, stored column-wise in typed arrays (≈60 bytes per invoice) so a
 * million of them fit comfortably; records are materialised on demand.
 */
export class InvoiceStore {
  n = 0;
  account = new Uint32Array(0);
  invDay = new Int32Array(0);
  dueDay = new Int32Array(0);
  status = new Uint8Array(0);
  lines = new Uint8Array(0);
  deleted = new Uint8Array(0);
  total = new Float64Array(0);
  tax = new Float64Array(0);
  balance = new Float64Array(0);
  created = new Float64Array(0);
  modstamp = new Float64Array(0);
  /** Lines edited through the control API (by line row), their own SystemModstamp, and lines deleted on their own. */
  readonly lineEdits = new Map<number, Partial<Pick<Line, 'product' | 'quantity' | 'unitPrice'>>>();
  readonly lineStamps = new Map<number, number>();
  readonly lineDeleted = new Set<number>();
  /** Moves with every line edit (the line tables cache one invoice's lines). */
  lineVersion = 0;
  private lastStamp = 0;
  /** Seeded stamps are no later than this: a minute before the org's clock when it seeded. */
  private readonly seededBefore: number;

  constructor(
    private readonly seed: number,
    private readonly accounts: AccountData,
    private readonly refDay: number,
    count: number,
    /** The org's clock (OrgOptions.now). */
    readonly now: () => number = Date.now,
  ) {
    this.seededBefore = now() - 60_000;
    this.grow(count);
    const rnd = mulberry32(seed);
    for (let i = 0; i < count; i++) this.generate(i, rnd, false);
    this.n = count;
  }

  currencyOf(i: number): string {
    return CURRENCIES[this.accounts.rows[this.account[i]!]!.currency]!;
  }

  decimalsOf(i: number): number {
    return CURRENCY_DECIMALS[this.currencyOf(i)]!;
  }

  /** Line items, derived deterministically from the invoice index (never stored). */
  linesOf(i: number): Line[] {
    const rnd = mulberry32(hash2(this.seed, i));
    const jpy = this.decimalsOf(i) === 0;
    const out: Line[] = [];
    for (let slot = 0; slot < this.lines[i]!; slot++) {
      const quantity = 1 + Math.floor(rnd() * 10);
      const base = 20 + rnd() * 980;
      const unitPrice = jpy ? Math.round(base * 150) : round(base, 2);
      const product = this.accounts.products[Math.floor(rnd() * this.accounts.products.length)]!;
      const edit = this.lineEdits.get(i * LINE_SLOTS + slot);
      if (edit) {
        const q = edit.quantity ?? quantity;
        const p = edit.unitPrice ?? unitPrice;
        out.push({ slot, product: edit.product ?? product, quantity: q, unitPrice: p, amount: round(q * p, jpy ? 0 : 2) });
        continue;
      }
      out.push({ slot, product, quantity, unitPrice, amount: round(quantity * unitPrice, jpy ? 0 : 2) });
    }
    return out;
  }

  /**
   * A line's SystemModstamp: its own when edited or deleted on its own; the invoice's when the invoice was deleted
   * (the lines go with it, as a master-detail child does); else when it was created. An edited line does not move its
   * invoice's stamp (Salesforce touches a parent only through a roll-up summary field).
   */
  lineStamp(r: number): number {
    const own = this.lineStamps.get(r);
    const i = Math.floor(r / LINE_SLOTS);
    if (this.deleted[i] === 1) return Math.max(own ?? 0, this.modstamp[i]!);
    return own ?? this.created[i]!;
  }

  /** Whether a line row is in the recycle bin (deleted itself, or with its invoice). */
  lineIsDeleted(r: number): boolean {
    return this.deleted[Math.floor(r / LINE_SLOTS)] === 1 || this.lineDeleted.has(r);
  }

  /** Appends `count` new posted, unpaid invoices dated today; returns their indexes. */
  create(count: number): number[] {
    this.grow(this.n + count);
    const out: number[] = [];
    for (let k = 0; k < count; k++) {
      const i = this.n++;
      this.generate(i, mulberry32(hash2(this.seed ^ 0x5bd1e995, i)), true);
      out.push(i);
    }
    return out;
  }

  touch(i: number): void {
    this.modstamp[i] = this.nextStamp();
  }

  /**
   * The stamp of a change made now: the org's clock, never earlier than the last one given (several changes within one
   * millisecond share it, as the records of one Salesforce transaction do) and never after the clock.
   */
  nextStamp(): number {
    this.lastStamp = Math.max(this.now(), this.lastStamp);
    return this.lastStamp;
  }

  private generate(i: number, rnd: () => number, fresh: boolean): void {
    const accounts = this.accounts.rows;
    const acc = Math.floor(rnd() * rnd() * accounts.length);
    this.account[i] = acc;
    this.lines[i] = 1 + Math.floor(rnd() * 5);
    const dec = this.decimalsOf(i);
    let total = 0;
    for (const l of this.linesOf(i)) total += l.amount;
    total = round(total, dec);
    const tax = round(total * accounts[acc]!.taxRate, dec);
    this.total[i] = total;
    this.tax[i] = tax;
    const gross = round(total + tax, dec);
    const terms = TERMS[Math.floor(rnd() * TERMS.length)]!;
    let age: number;
    let status: number;
    const forced = fresh ? undefined : FORCED_KIND[i];
    if (fresh) {
      age = 0;
      status = St.Posted;
    } else if (i < FORCED_OVERDUE.length) {
      age = FORCED_OVERDUE[i]! + terms;
      status = St.Posted;
    } else {
      age = Math.floor(rnd() * 730);
      const r = rnd();
      const pPaid = age > 120 ? 0.88 : age > 60 ? 0.6 : age > 30 ? 0.4 : 0.15;
      if (age < 10 && r < 0.3) status = St.Draft;
      else if (r > 0.97) status = St.Cancelled;
      else status = rnd() < pPaid ? St.Paid : St.Posted;
    }
    if (forced) age = forced.age;
    const invDay = this.refDay - age;
    this.invDay[i] = invDay;
    this.dueDay[i] = invDay + terms;
    this.status[i] = status;
    let balance = gross;
    // A cancelled invoice is usually credited in full; one in four is cancelled without its credit note (the
    // balance Salesforce states stays open), so receivables must leave it out by its status, not by its balance.
    if (status === St.Paid || (status === St.Cancelled && i % 4 !== 0)) balance = 0;
    else if (status === St.Posted && !fresh && i >= FORCED_OVERDUE.length && rnd() < 0.3) {
      balance = round(gross * (0.2 + rnd() * 0.6), dec);
    }
    if (forced) {
      status = forced.status;
      this.status[i] = status;
      balance = gross;
    }
    this.balance[i] = balance;
    if (fresh) {
      this.created[i] = this.nextStamp();
      this.modstamp[i] = this.created[i];
    } else {
      // Never in the future (an invoice dated today "created" at 16:00 while it is 10:00): Salesforce's stamps cannot be,
      // and a future SystemModstamp would become the app's watermark and hide every change made before it. Such a
      // stamp goes back whole days (notAfter: created the day before, at 16:00), not to "now" (see notAfter).
      const created = notAfter(invDay * DAY_MS + 8 * 3_600_000 + Math.floor(rnd() * 9 * 3_600_000), this.seededBefore);
      const lastDay = Math.min(this.refDay, invDay + Math.floor(rnd() * (age + 1)));
      this.created[i] = created;
      this.modstamp[i] = Math.max(created, notAfter(lastDay * DAY_MS + Math.floor(rnd() * DAY_MS), this.seededBefore));
    }
  }

  private grow(min: number): void {
    if (this.account.length >= min) return;
    const cap = Math.max(min, Math.ceil(this.account.length * 1.5), 16);
    const g = <T extends Uint32Array | Int32Array | Uint8Array | Float64Array>(a: T, C: new (n: number) => T): T => {
      const b = new C(cap);
      b.set(a);
      return b;
    };
    this.account = g(this.account, Uint32Array);
    this.invDay = g(this.invDay, Int32Array);
    this.dueDay = g(this.dueDay, Int32Array);
    this.status = g(this.status, Uint8Array);
    this.lines = g(this.lines, Uint8Array);
    this.deleted = g(this.deleted, Uint8Array);
    this.total = g(this.total, Float64Array);
    this.tax = g(this.tax, Float64Array);
    this.balance = g(this.balance, Float64Array);
    this.created = g(this.created, Float64Array);
    this.modstamp = g(this.modstamp, Float64Array);
  }
}
