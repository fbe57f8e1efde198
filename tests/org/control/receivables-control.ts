import { makeId, parseId } from '../data/ids.ts';
import { St } from '../data/invoice-store.ts';
import type { ReceivablesStore } from '../data/receivables-store.ts';
import type { OrgData } from '../org-data.ts';
import type { OrgControl } from '../types.ts';

type Kind = 'payments' | 'credits';

/** Id prefixes of the source and application objects per shape, as receivable-tables.ts serves them. */
export const PREFIXES: Record<string, Record<Kind, { source: string; app: string }>> = {
  Invoice: { payments: { source: '0a3', app: '0a4' }, credits: { source: '50g', app: '9mA' } },
  blng__Invoice__c: { payments: { source: 'a2A', app: 'a2B' }, credits: { source: 'a2C', app: 'a2D' } },
};

function moneyOf(data: OrgData, invoiceId: string) {
  const { table, store, row } = data.findInvoice(invoiceId);
  const money = data.receivables.get(table.name as 'Invoice');
  if (!money) throw new Error(`${table.name} has no payment objects in this org`);
  return { money, store, row, prefixes: PREFIXES[table.name]! };
}

function findRecord(data: OrgData, id: string, part: 'source' | 'app'): { money: ReceivablesStore; kind: Kind; row: number; prefixes: Record<Kind, { source: string; app: string }> } {
  for (const [shape, money] of data.receivables) {
    for (const kind of ['payments', 'credits'] as const) {
      const prefixes = PREFIXES[shape]!;
      const row = parseId(prefixes[kind][part], id);
      const n = part === 'source' ? money.ledger(kind).sources.n : money.ledger(kind).apps.n;
      if (row >= 0 && row < n) return { money, kind, row, prefixes };
    }
  }
  throw new Error(`no ${part === 'source' ? 'payment' : 'application'} with id ${id}`);
}

/** Moves an invoice's balance by `deltaMinor` (minor units) the way Salesforce's roll-ups do: status follows, SystemModstamp moves. */
function moveBalance(money: ReceivablesStore, row: number, deltaMinor: number): void {
  const s = money.invoices;
  const f = money.minor(row);
  const balance = Math.round(s.balance[row]! * f) + deltaMinor;
  s.balance[row] = balance / f;
  if (s.status[row] === St.Posted || s.status[row] === St.Paid) s.status[row] = balance <= 0 ? St.Paid : St.Posted;
  s.touch(row);
}

export function receivablesControl(data: OrgData): Pick<OrgControl, 'applyPayment' | 'reverseApplication' | 'setApplicationAmount' | 'issueCreditNote' | 'deletePayment' | 'setSourceStatus' | 'allocatePayment' | 'allocateCreditNote'> {
  const today = () => Math.floor(data.now() / 86_400_000);
  const instant = (name: string, value: string | undefined): number | null => {
    if (value === undefined) return null;
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) throw new Error(`${name} is no instant: ${value}`);
    return ms;
  };
  const add = (invoiceId: string, kind: Kind, amount: number | undefined, when: { appliedAt?: string; paymentDate?: string; effectiveAt?: string } = {}) => {
    const { money, store, row, prefixes } = moneyOf(data, invoiceId);
    const f = money.minor(row);
    const minor = Math.round((amount ?? store.balance[row]!) * f);
    if (!Number.isFinite(minor) || minor <= 0) throw new Error('the amount must be positive');
    const appliedAt = instant('appliedAt', when.appliedAt);
    const effectiveAt = instant('effectiveAt', when.effectiveAt);
    if (when.paymentDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(when.paymentDate)) throw new Error(`paymentDate is no YYYY-MM-DD day: ${when.paymentDate}`);
    const at = money.stamp();
    const day = when.paymentDate === undefined ? today() : Date.parse(`${when.paymentDate}T00:00:00Z`) / 86_400_000;
    const source = money.addSource(kind, store.account[row]!, minor / f, day, 0, at);
    const app = money.addApp(kind, source, row, minor / f, false, at);
    // Made at that instant (CreatedDate, Revenue Cloud's AppliedDate), seen by the next sync (SystemModstamp now).
    if (appliedAt !== null) money.ledger(kind).apps.set('created', app, appliedAt);
    // Revenue Cloud's EffectiveDate: when the application takes effect — given, else when it was made.
    money.ledger(kind).apps.set('effective', app, effectiveAt ?? appliedAt ?? at);
    moveBalance(money, row, -minor);
    return { sourceId: makeId(prefixes[kind].source, source), applicationId: makeId(prefixes[kind].app, app) };
  };
  return {
    applyPayment(invoiceId, amount, when) {
      const { sourceId, applicationId } = add(invoiceId, 'payments', amount, when);
      return { paymentId: sourceId, applicationId };
    },
    issueCreditNote(invoiceId, amount) {
      const { sourceId, applicationId } = add(invoiceId, 'credits', amount);
      return { creditNoteId: sourceId, applicationId };
    },
    reverseApplication(applicationId, effectiveAt) {
      const effective = instant('effectiveAt', effectiveAt ?? undefined);
      const { money, kind, row, prefixes } = findRecord(data, applicationId, 'app');
      const apps = money.ledger(kind).apps;
      if (apps.get('deleted', row) || apps.get('reversal', row) || apps.get('reversed', row)) throw new Error('this application cannot be reversed');
      const invoice = apps.get('invoice', row);
      const at = money.stamp();
      apps.set('reversed', row, 1);
      apps.set('modstamp', row, at);
      const reversal = money.addApp(kind, apps.get('source', row), invoice, apps.get('amount', row), true, at);
      // The reversal (Unapplied) takes effect when given, else now (its EffectiveDate); the application it takes back keeps its own.
      if (effective !== null) apps.set('effective', reversal, effective);
      moveBalance(money, invoice, Math.round(apps.get('amount', row) * money.minor(invoice)));
      return makeId(prefixes[kind].app, reversal);
    },
    setApplicationAmount(applicationId, amount) {
      const { money, kind, row } = findRecord(data, applicationId, 'app');
      const apps = money.ledger(kind).apps;
      if (apps.get('deleted', row)) throw new Error('this application is deleted');
      const invoice = apps.get('invoice', row);
      const f = money.minor(invoice);
      // Any finite amount, 0 and below too: what a correction (a zero allocation) or a hand entry (a negative one) leaves in a real org.
      const minor = Math.round(amount * f);
      if (typeof amount !== 'number' || !Number.isFinite(minor)) throw new Error('the amount must be a finite number');
      const was = Math.round(apps.get('amount', row) * f);
      apps.set('amount', row, minor / f);
      apps.set('modstamp', row, money.stamp());
      // Salesforce's roll-up: balance = total − Σ applied + Σ taken back, the changed amount counted as it now is (≤ 0 too).
      moveBalance(money, invoice, apps.get('reversal', row) ? minor - was : was - minor);
    },
    allocatePayment(paymentId, invoiceId, amount) {
      const { money, kind, row: source, prefixes } = findRecord(data, paymentId, 'source');
      if (kind !== 'payments') throw new Error(`${paymentId} is not a payment`);
      const { money: invoiceMoney, row } = moneyOf(data, invoiceId);
      if (invoiceMoney !== money) throw new Error(`${paymentId} and ${invoiceId} are not of one invoice object`);
      // The application is in the invoice's currency (as the org serves every application): another than the payment's when they differ.
      const minor = Math.round(amount * money.minor(row));
      if (!Number.isFinite(minor) || minor <= 0) throw new Error('the amount must be positive');
      const app = money.addApp('payments', source, row, minor / money.minor(row), false, money.stamp());
      moveBalance(money, row, -minor);
      money.payments.sources.set('modstamp', source, money.stamp());
      return makeId(prefixes.payments.app, app);
    },
    allocateCreditNote(creditNoteId, invoiceId, amount) {
      const { money, kind, row: source, prefixes } = findRecord(data, creditNoteId, 'source');
      if (kind !== 'credits') throw new Error(`${creditNoteId} is not a credit note`);
      const { money: invoiceMoney, row } = moneyOf(data, invoiceId);
      if (invoiceMoney !== money) throw new Error(`${creditNoteId} and ${invoiceId} are not of one invoice object`);
      // Not checked against what is left of the credit note (its refunds, its debit notes): what Billing refuses and an import can leave.
      const minor = Math.round(amount * money.minor(row));
      if (!Number.isFinite(minor) || minor <= 0) throw new Error('the amount must be positive');
      const app = money.addApp('credits', source, row, minor / money.minor(row), false, money.stamp());
      moveBalance(money, row, -minor);
      money.credits.sources.set('modstamp', source, money.stamp());
      return makeId(prefixes.credits.app, app);
    },
    setSourceStatus(recordId, status) {
      const { money, kind, row } = findRecord(data, recordId, 'source');
      // Both families' status picklists are [Draft, Processed | Posted, Canceled]: 0 stands for the received one.
      const value = { Draft: 1, Canceled: 3, Received: 0 }[status];
      if (value === undefined) throw new Error(`unknown status ${String(status)}`);
      const sources = money.ledger(kind).sources;
      sources.set('status', row, value);
      sources.set('modstamp', row, money.stamp());
    },
    deletePayment(paymentId) {
      const { money, kind, row } = findRecord(data, paymentId, 'source');
      if (kind !== 'payments') throw new Error(`${paymentId} is not a payment`);
      const { sources, apps } = money.payments;
      if (sources.get('deleted', row)) throw new Error('this payment is already deleted');
      // Its refund lines, as Salesforce has them (object references, API 67.0): Billing's blng__RefundLinePayment__c is a
      // master-detail child of blng__Payment__c — deleted with it (cascade, recycle bin); Revenue Cloud's RefundLinePayment
      // points at its payment by a required lookup and cannot be deleted (no delete() call) — the payment's deletion is refused.
      const shape = [...data.receivables].find(([, m]) => m === money)![0];
      const refunds = data.refunds.get(shape);
      const refundLines = refunds ? [...Array(refunds.lines.n).keys()].filter((r) => refunds.lines.get('payment', r) === row && !refunds.lines.get('deleted', r)) : [];
      if (refundLines.length > 0 && shape === 'Invoice') {
        throw new Error(`this payment has ${refundLines.length} refund line(s) (RefundLinePayment): Salesforce refuses to delete it`);
      }
      const at = money.stamp();
      sources.set('deleted', row, 1);
      sources.set('modstamp', row, at);
      for (const r of refundLines) {
        refunds!.lines.set('deleted', r, 1);
        refunds!.lines.set('modstamp', r, at);
      }
      for (let r = 0; r < apps.n; r++) {
        if (apps.get('source', r) !== row || apps.get('deleted', r)) continue;
        apps.set('deleted', r, 1);
        apps.set('modstamp', r, at);
        const invoice = apps.get('invoice', r);
        const minor = Math.round(apps.get('amount', r) * money.minor(invoice));
        moveBalance(money, invoice, apps.get('reversal', r) ? -minor : minor);
      }
    },
  };
}
