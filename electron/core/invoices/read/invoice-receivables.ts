import type { InvoiceReceivables, InvoiceRow, ReceivableEntry } from '../../../contract';
import { currencyDecimals } from '../../export/export-cells';
import type { RelatedCopy, RelatedRecord } from '../related/related-copy';
import { REVERSAL_TYPES, type RelatedRole } from '../related/related-specs';
import { relatedText } from '../related/related-text';

interface Indexed {
  role: RelatedRole;
  object: string;
  record: RelatedRecord;
}

interface LedgerIndex {
  /** Applications (payment and credit) per invoice id. */
  byInvoice: Map<string, Indexed[]>;
  /** Payments and credit notes by id. */
  sources: Map<string, Indexed>;
  /** Every related record's object, by id (for "open in Salesforce"). */
  objects: Map<string, string>;
}

const indexes = new WeakMap<RelatedCopy, LedgerIndex>();

/** Applications by invoice and sources by id, built once per copy (a sync makes a new copy). */
export function ledgerIndex(copy: RelatedCopy): LedgerIndex {
  let index = indexes.get(copy);
  if (index) return index;
  index = { byInvoice: new Map(), sources: new Map(), objects: new Map() };
  for (const object of copy.objects) {
    const application = object.role === 'paymentApplication' || object.role === 'creditApplication';
    for (const record of object.records) {
      const entry = { role: object.role, object: object.object, record };
      index.objects.set(record.id, object.object);
      if (!application) {
        index.sources.set(record.id, entry);
        continue;
      }
      const invoiceId = typeof record.invoice === 'string' ? record.invoice : null;
      if (!invoiceId) continue;
      let list = index.byInvoice.get(invoiceId);
      if (!list) index.byInvoice.set(invoiceId, (list = []));
      list.push(entry);
    }
  }
  indexes.set(copy, index);
  return index;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
const day = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null);

/** Minor units of an amount in a currency with `decimals` (exact for amounts Salesforce stores). */
export function toMinor(amount: number, decimals: number): number {
  return Math.round(amount * 10 ** decimals);
}

/**
 * Everything applied to one invoice from the offline copy: a dated list of applications and
 * reversals, and the arithmetic from the total to the balance in minor units. An entry that
 * cannot be counted (another currency, zero or negative amount) is listed with the reason and
 * left out of the sums; a difference from Salesforce's balance is reported, never corrected.
 */
export function invoiceReceivables(copy: RelatedCopy | null | undefined, invoice: InvoiceRow): InvoiceReceivables {
  const currency = invoice.currency;
  const decimals = currencyDecimals(currency);
  const major = (minor: number) => minor / 10 ** decimals;
  const unavailable = (note: string): InvoiceReceivables => ({
    available: false, note, currency, entries: [], fullyPaidOn: null, warnings: copy?.warnings ?? [],
    arithmetic: { total: invoice.total, payments: 0, credits: 0, computedBalance: null, balance: invoice.balance, difference: null },
  });
  if (!copy) return unavailable(relatedText.notInCopyYet);
  if (copy.none) return unavailable(copy.none);
  if (copy.objects.length === 0) return unavailable(relatedText.noReadableObjects);

  const index = ledgerIndex(copy);
  const entries: (ReceivableEntry & { at: string })[] = [];
  let payments = 0;
  let credits = 0;
  for (const { role, record } of index.byInvoice.get(invoice.id) ?? []) {
    const kind = role === 'paymentApplication' ? 'payment' : 'credit';
    const source = typeof record.source === 'string' ? index.sources.get(record.source) : undefined;
    const reversal = REVERSAL_TYPES.has(String(record.type ?? '').toLowerCase());
    const entryCurrency = text(record.currency) ?? text(source?.record.currency) ?? currency;
    const amount = typeof record.amount === 'number' ? record.amount : null;
    const problems: string[] = [];
    if (entryCurrency !== currency) problems.push(relatedText.otherCurrency(entryCurrency, currency));
    if (amount === null || amount <= 0) problems.push(relatedText.notPositive);
    if (!source) problems.push(relatedText.sourceMissing(kind));
    const counted = problems.length === 0 || (problems.length === 1 && !source);
    const minor = counted && amount !== null ? toMinor(amount, decimals) * (reversal ? 1 : -1) : 0;
    if (kind === 'payment') payments -= minor;
    else credits -= minor;
    entries.push({
      id: record.id, kind, reversal, amount, currency: entryCurrency, effect: major(minor),
      date: day(record.date) ?? day(record.created), at: text(record.created) ?? text(record.date) ?? '',
      sourceId: text(record.source), sourceNumber: text(source?.record.number), method: text(source?.record.method), problems,
    });
  }
  entries.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.at.localeCompare(b.at) || a.id.localeCompare(b.id));

  const total = invoice.total === null ? null : toMinor(invoice.total, decimals);
  const computed = total === null ? null : total - payments - credits;
  const balance = invoice.balance === null ? null : toMinor(invoice.balance, decimals);
  let fullyPaidOn: string | null = null;
  if (total !== null && total > 0 && computed !== null && computed <= 0) {
    let running = total;
    for (const entry of entries) {
      const before = running;
      running += toMinor(entry.effect, decimals);
      if (running <= 0 && before > 0) fullyPaidOn = entry.date;
    }
  }
  return {
    available: true, note: null, currency, fullyPaidOn, warnings: copy.warnings,
    entries: entries.map(({ at: _at, ...entry }) => entry),
    arithmetic: {
      total: invoice.total, payments: major(payments), credits: major(credits),
      computedBalance: computed === null ? null : major(computed), balance: invoice.balance,
      difference: computed === null || balance === null ? null : major(balance - computed),
    },
  };
}
