import { makeId } from '../data/ids.ts';
import { St } from '../data/invoice-store.ts';
import type { ReceivablesStore } from '../data/receivables-store.ts';
import type { OrgData } from '../org-data.ts';
import type { OrgControl, ReceivablesDay } from '../types.ts';
import { PREFIXES, receivablesControl } from './receivables-control.ts';

type Operation = keyof ReceivablesDay['operations'];

/**
 * What an open invoice (Posted, something owed) gets, by its place in the list (index % 20): a new payment applied to part of
 * it (55 %), unapplied cash of one of its customer's payments allocated to it (15 %), a credit note for part of it (15 %), one
 * of its payment applications reversed (10 %), a payment of it deleted (5 %). A paid invoice: an application reversed (70 %)
 * or a payment deleted (30 %). Each falls back to the next that can be done (FALLBACK).
 */
const OPEN: Operation[] = [...Array<Operation>(11).fill('applyPayment'), ...Array<Operation>(3).fill('allocatePayment'),
  ...Array<Operation>(3).fill('issueCreditNote'), 'reverseApplication', 'reverseApplication', 'deletePayment'];
const PAID: Operation[] = [...Array<Operation>(7).fill('reverseApplication'), ...Array<Operation>(3).fill('deletePayment')];
const FALLBACK: Operation[] = ['applyPayment', 'reverseApplication', 'deletePayment'];

/**
 * A day of Salesforce receivables over many invoices in one control call (the bench's "1 % changed" on the payments org): each
 * invoice changes through the money around it, by the same control calls a test makes one by one (receivables-control.ts),
 * so every balance stays total − Σ applied + Σ taken back and every SystemModstamp moves as Salesforce's do. Drafts and
 * cancelled invoices are left as they are (counted as skipped).
 */
export function receivablesDayControl(data: OrgData): Pick<OrgControl, 'changeReceivables'> {
  const one = receivablesControl(data);
  return {
    changeReceivables(invoiceIds) {
      if (!Array.isArray(invoiceIds)) throw new Error('invoiceIds must be a list of invoice ids');
      const day: ReceivablesDay = {
        changed: 0, skipped: 0,
        operations: { applyPayment: 0, allocatePayment: 0, issueCreditNote: 0, reverseApplication: 0, deletePayment: 0 },
        records: { invoices: 0, payments: 0, paymentApplications: 0, creditNotes: 0, creditApplications: 0 },
      };
      const touched = { invoices: new Set<string>(), payments: new Set<string>(), paymentApplications: new Set<string>(), creditNotes: new Set<string>(), creditApplications: new Set<string>() };
      const cash = new Map<ReceivablesStore, CashLeft>();
      invoiceIds.forEach((invoiceId, index) => {
        const { table, store, row } = data.findInvoice(String(invoiceId));
        const money = data.receivables.get(table.name as 'Invoice');
        if (!money) throw new Error(`${table.name} has no payment objects in this org`);
        const open = store.status[row] === St.Posted && store.balance[row]! > 0;
        if (!open && store.status[row] !== St.Paid) {
          day.skipped++;
          return;
        }
        const prefixes = PREFIXES[table.name]!;
        if (!cash.has(money)) cash.set(money, new CashLeft(money));
        const f = money.minor(row);
        const balanceMinor = Math.round(store.balance[row]! * f);
        const latestApplication = (kind: 'payments' | 'credits') => {
          const apps = money.ledger(kind).apps;
          const live = money.appsOf(row).filter((x) => x.kind === kind && !apps.get('deleted', x.row) && !apps.get('reversal', x.row) && !apps.get('reversed', x.row));
          return live.at(-1)?.row;
        };
        const attempts: Record<Operation, () => boolean> = {
          applyPayment: () => {
            if (!open) return false;
            // Half of what is owed, or all of it when little is (under 100 in the invoice's currency).
            const minor = balanceMinor < 100 * f ? balanceMinor : Math.round(balanceMinor / 2);
            const made = one.applyPayment(String(invoiceId), minor / f);
            touched.payments.add(made.paymentId);
            touched.paymentApplications.add(made.applicationId);
            return true;
          },
          allocatePayment: () => {
            const found = open ? cash.get(money)!.take(store.account[row]!, balanceMinor) : null;
            if (!found) return false;
            const paymentId = makeId(prefixes.payments.source, found.source);
            touched.paymentApplications.add(one.allocatePayment(paymentId, String(invoiceId), found.minor / f));
            touched.payments.add(paymentId);
            return true;
          },
          issueCreditNote: () => {
            if (!open) return false;
            const minor = Math.max(1, Math.round(balanceMinor / 5));
            const made = one.issueCreditNote(String(invoiceId), minor / f);
            touched.creditNotes.add(made.creditNoteId);
            touched.creditApplications.add(made.applicationId);
            return true;
          },
          reverseApplication: () => {
            const app = latestApplication('payments');
            if (app === undefined) return false;
            const applicationId = makeId(prefixes.payments.app, app);
            touched.paymentApplications.add(applicationId);
            touched.paymentApplications.add(one.reverseApplication(applicationId));
            return true;
          },
          deletePayment: () => {
            const app = latestApplication('payments');
            if (app === undefined) return false;
            const { apps } = money.payments;
            const source = apps.get('source', app);
            const paymentId = makeId(prefixes.payments.source, source);
            const its: number[] = [];
            for (let r = 0; r < apps.n; r++) if (apps.get('source', r) === source && !apps.get('deleted', r)) its.push(r);
            try {
              one.deletePayment(paymentId);
            } catch {
              return false; // a Revenue Cloud payment with refund lines: Salesforce refuses to delete it
            }
            touched.payments.add(paymentId);
            for (const r of its) {
              touched.paymentApplications.add(makeId(prefixes.payments.app, r));
              touched.invoices.add(`${table.name}:${apps.get('invoice', r)}`);
            }
            cash.get(money)!.forget(source);
            return true;
          },
        };
        const preferred = (open ? OPEN[index % OPEN.length] : PAID[index % PAID.length])!;
        const done = [preferred, ...FALLBACK].find((operation) => attempts[operation]());
        if (!done) {
          day.skipped++;
          return;
        }
        day.operations[done]++;
        day.changed++;
        touched.invoices.add(`${table.name}:${row}`);
      });
      for (const key of Object.keys(touched) as (keyof typeof touched)[]) day.records[key] = touched[key].size;
      return day;
    },
  };
}

/** Payments with cash not yet applied (amount − net applied > 0), by account, as they are when the batch starts and as it allocates. */
class CashLeft {
  private byAccount: Map<number, { source: number; minor: number }[]> | null = null;

  constructor(private readonly money: ReceivablesStore) {}

  /** Up to `most` minor units of one of the account's payments with cash left (the oldest first), or null. */
  take(account: number, most: number): { source: number; minor: number } | null {
    const list = this.index().get(account);
    const payment = list?.find((p) => p.minor > 0);
    if (!payment || most <= 0) return null;
    const minor = Math.min(payment.minor, most);
    payment.minor -= minor;
    return { source: payment.source, minor };
  }

  forget(source: number): void {
    for (const list of this.index().values()) for (const p of list) if (p.source === source) p.minor = 0;
  }

  private index(): Map<number, { source: number; minor: number }[]> {
    if (this.byAccount) return this.byAccount;
    const { sources, apps } = this.money.payments;
    const applied = new Float64Array(sources.n);
    const factor = new Float64Array(sources.n);
    for (let r = 0; r < apps.n; r++) {
      if (apps.get('deleted', r)) continue;
      const source = apps.get('source', r);
      const f = this.money.minor(apps.get('invoice', r));
      factor[source] = f;
      applied[source] = applied[source]! + (apps.get('reversal', r) ? -1 : 1) * Math.round(apps.get('amount', r) * f);
    }
    this.byAccount = new Map();
    for (let s = 0; s < sources.n; s++) {
      // Money received (not Draft or Canceled), not deleted, applied somewhere (its currency known from its invoices).
      if (sources.get('deleted', s) || sources.get('status', s) !== 0 || factor[s] === 0) continue;
      const left = Math.round(sources.get('amount', s) * factor[s]!) - applied[s]!;
      if (left <= 0) continue;
      const account = sources.get('account', s);
      let list = this.byAccount.get(account);
      if (!list) this.byAccount.set(account, (list = []));
      list.push({ source: s, minor: left });
    }
    return this.byAccount;
  }
}
