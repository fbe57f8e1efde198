import type { CustomerCreditRefund, CustomerDebitNote, CustomerLedger, CustomerRecord } from '../../../contract';
import type { CustomerRef } from '../../../contract/customer-aging';
import { currencyDecimals } from '../../../contract/currency-decimals';
import { cellsOf, type RecordCells, type RelatedCopy, type RelatedRecord } from '../related/related-copy';
import { familyHasRole, isRateRole, type RelatedRole } from '../related/related-specs';
import { relatedText } from '../related/related-text';
import { amountOf, creditRefundsByNote, day, text, toMinor } from './applied-ledger';
import { buildNow, oncePerCopyInSlices, type Build, type Pass } from './sliced-build';
import { sourceCounts } from './counted-sources';
import { appliedBySource, appliedBySourceAsOf, appliedFor, belowZeroCauses, debitedMinor, unappliedMinor } from './source-applied';
import { refundDay, refundedMinor, refundEffect } from './refund-lines';
import { unappliedKnown } from './payment-figures';

/** A customer's payments, credit notes and debit notes as slots of the index (CustomerIndex.record makes a slot's record). */
interface CustomerSources {
  payments: number[];
  credits: number[];
  debitNotes: number[];
  accounts: Set<string>;
}

type SourceRole = 'payment' | 'creditNote' | 'debitNote';
const LISTS = { payment: 'payments', creditNote: 'credits', debitNote: 'debitNotes' } as const;

interface CustomerIndex {
  byAccount: Map<string, CustomerSources>;
  byName: Map<string, CustomerSources>;
  /** The record of a slot: made from its object's columns when asked (related-copy.ts cellsOf), not kept per payment. */
  record(slot: number): RelatedRecord;
}

/**
 * Payments and credit notes by their account's id and by its name, once per copy (a sync makes a new copy): read cell by cell
 * (status, account, its name), each kept as a slot — the customer's own records are made when their view asks, not the ~150k
 * payments and credit notes of a copy at the first view (BENCHMARKS, session 19). Built in passes (sliced-build.ts): made in
 * slices in the background after a sync has answered and after the copy loaded at start (read-warm-up.ts).
 */
const sourcesByCustomer = oncePerCopyInSlices((copy: RelatedCopy): Build<CustomerIndex> => customerBuild(copy, null));

/**
 * The customer index of a copy for one customer's view when the whole index is not made yet (right after a sync's answer,
 * before the warm-up has built it: ~0.2 s at 100k invoices at once, BENCHMARKS session 31): the same passes keeping that
 * customer's payments and credit notes alone (a few times per copy: sliced-build.ts `targeted`).
 */
function customerIndexFor(copy: RelatedCopy, who: CustomerRef): CustomerIndex {
  const made = sourcesByCustomer.made(copy);
  if (made) return made;
  return sourcesByCustomer.targeted(copy) ? buildNow(customerBuild(copy, who)) : sourcesByCustomer(copy);
}

/** The customer index's passes: every customer's, or with `only` that customer's entries alone (by account id, else by name). */
function customerBuild(copy: RelatedCopy, only: CustomerRef | null): Build<CustomerIndex> {
  const byAccount = new Map<string, CustomerSources>();
  const byName = new Map<string, CustomerSources>();
  const slotCells: RecordCells[] = [];
  const slotRows: number[] = [];
  const add = (index: Map<string, CustomerSources>, key: string, role: SourceRole, slot: number, account: string | null) => {
    let entry = index.get(key);
    if (!entry) index.set(key, (entry = { payments: [], credits: [], debitNotes: [], accounts: new Set() }));
    entry[LISTS[role]].push(slot);
    if (account) entry.accounts.add(account);
  };
  const passes: Pass[] = [];
  for (const object of copy.objects) {
    if (object.role !== 'payment' && object.role !== 'creditNote' && object.role !== 'debitNote') continue;
    const role = object.role;
    const cells = cellsOf(object);
    const [statusAt, accountAt, nameAt] = ['status', 'account', 'accountName'].map((key) => cells.reader(key));
    passes.push({
      length: cells.length,
      rows(from, to) {
        for (let row = from; row < to; row++) {
          const account = text(accountAt!(row));
          // Another customer's: as customerLedger looks it up (by account id when it has one, else by name).
          if (only?.account && account !== only.account) continue;
          const name = text(nameAt!(row));
          if (!account && !name) continue;
          if (only && !only.account && name !== only.name) continue;
          // A draft or cancelled payment (credit note) was never money received (credit issued): counted-sources.ts.
          if (!sourceCounts(statusAt!(row))) continue;
          const slot = slotRows.length;
          slotCells.push(cells);
          slotRows.push(row);
          if (account) add(byAccount, account, role, slot, account);
          if (name) add(byName, name, role, slot, account);
        }
      },
    });
  }
  return { passes, answer: () => ({ byAccount, byName, record: (slot: number) => slotCells[slot]!.record(slotRows[slot]!) }) };
}

/**
 * The customer view's indexes of a copy (its payments and credit notes by customer, what is applied of each), made in slices
 * in the background while `wanted()` (invoice-repository.ts warmReads: after a sync's answer, after the start-up load), so
 * the first customer the user opens does not build them (0.6 s at 100k invoices, BENCHMARKS session 31) and no task of the
 * build holds the core's thread for long. Only those customerLedger would build for this copy.
 */
export async function warmCustomerLedger(copy: RelatedCopy | null | undefined, wanted: () => boolean): Promise<void> {
  if (!copy || copy.none || !copy.objects.some((o) => !isRateRole(o.role))) return;
  await sourcesByCustomer.warm(copy, wanted);
  if (unappliedKnown(copy)) await appliedBySource.warm(copy, wanted);
}

/**
 * A customer's debit notes still open, as Salesforce states them: its own balance (blng__Balance__c), not computed — the
 * payments allocated to a debit note's lines are not synced. A draft or cancelled one was never owed (counted-sources.ts).
 */
function openDebitNotes(records: RelatedRecord[], fallback: string): CustomerDebitNote[] {
  const amount = (value: unknown) => (typeof value === 'number' ? value : null);
  return records
    .filter((record) => amount(record.balance) !== 0)
    .map((record) => ({
      id: record.id, number: text(record.number), date: day(record.date), status: text(record.status), currency: text(record.currency) ?? fallback,
      amount: amount(record.amount), balance: amount(record.balance),
    }))
    .sort(newestFirst);
}

/**
 * The refund lines of a customer's credit notes that pay money back (refund-lines.ts refundEffect ≠ 0), signed (+ paid back, −
 * taken back), oldest first: what a statement lists for a period. A line in another currency than its credit note is left out,
 * as it is of the note's rest (source-applied.ts). Every counted credit note of the customer, applied to an invoice or not: a
 * refund is money paid out to the customer, so it is on their statement — and in Salesforce Billing a credit note is refunded
 * from its *available* balance, the usual path being allocated → unallocated → refunded (a rule "only while applied" dropped
 * exactly those). Nothing here reads the allocations, so a past period's statement never changes with a later (un)allocation.
 * An invoice's timeline keeps its own rule: only while the note is still applied to that invoice (invoice-receivables.ts).
 */
function creditRefundsOf(copy: RelatedCopy, credits: RelatedRecord[], fallback: string): CustomerCreditRefund[] {
  const byNote = creditRefundsByNote(copy);
  const out: CustomerCreditRefund[] = [];
  for (const note of credits) {
    const own = text(note.currency) ?? fallback;
    for (const line of byNote.get(note.id) ?? []) {
      const signed = refundEffect(line);
      if (signed === 0 || (text(line.currency) ?? own) !== own) continue;
      out.push({ id: line.id, date: refundDay(line), creditNoteId: note.id, creditNoteNumber: text(note.number), currency: own, amount: signed });
    }
  }
  return out.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));
}

/** What a customer's credit note refunds need: the credit notes, their lines and refund lines (not their allocations: creditRefundsOf does not read them). */
const CREDIT_REFUND_ROLES: readonly RelatedRole[] = ['creditNote', 'creditNoteLine', 'creditRefundApplication'];

/** Whether the copy's credit note refunds can be listed: 'read'; 'unreadable' where the org has them (Billing) but one of their objects is missing; else 'none'. */
function creditRefundsRead(copy: RelatedCopy): 'read' | 'unreadable' | 'none' {
  if (CREDIT_REFUND_ROLES.every((role) => copy.objects.some((o) => o.role === role))) return 'read';
  return familyHasRole(copy.objects, 'creditRefundApplication') ? 'unreadable' : 'none';
}

const newestFirst = (a: { date: string | null; id: string }, b: { date: string | null; id: string }) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id);

/**
 * One customer's payments (each with what is applied and what is not: unapplied cash) and credit notes not wholly
 * applied, from the offline copy; amounts in each record's currency (`fallback` for a single-currency org's records,
 * which carry none), sums in minor units. A customer with an account id (the invoices' `customerId`) is that account:
 * its payments and credit notes are those of the account, whatever name they were synced with (a renamed account is
 * one customer, two accounts of one name are two). Without an id (a text customer, a copy from before the ids) they
 * are matched by the account's name, so every account of that name counts (`accounts` says how many). With `asOf` (a
 * statement's day, an as-of view's): the payments and credit notes dated by then, with what of them was applied, refunded and
 * left unapplied that day (source-applied.ts appliedBySourceAsOf) — today's otherwise.
 */
export function customerLedger(copy: RelatedCopy | null | undefined, who: CustomerRef, fallback: string, asOf?: string): CustomerLedger {
  const customer = who.name;
  const empty = (note: string | null, available = false): CustomerLedger => ({
    customer, available, note, accounts: 0, payments: [], credits: [], unapplied: [], warnings: copy?.warnings ?? [],
  });
  if (!copy) return empty(relatedText.notInCopyYet);
  if (copy.none) return empty(copy.none);
  if (!copy.objects.some((o) => !isRateRole(o.role))) return empty(relatedText.noReadableObjects);
  const index = asOf === undefined ? customerIndexFor(copy, who) : sourcesByCustomer(copy);
  const sources = who.account ? index.byAccount.get(who.account) : index.byName.get(customer);
  const recordsOf = (slots: readonly number[]) => slots.map((slot) => index.record(slot));
  // What could not be read, said part by part; the credit note refunds are given whenever their own objects are read, even with
  // the payments hidden (a statement lists them either way).
  const refunds = creditRefundsRead(copy);
  const paymentsRead = unappliedKnown(copy);
  const unreadable = [...(paymentsRead ? [] : (['payments'] as const)), ...(refunds === 'unreadable' ? (['creditRefunds'] as const) : [])];
  // The open debit notes need no payment either (Salesforce states their balance): given whenever their object is read, so a
  // statement with the payments hidden still lists what the customer owes besides the invoices.
  const hasDebitNotes = copy.objects.some((o) => o.role === 'debitNote');
  const parts = {
    ...(unreadable.length > 0 ? { unreadable } : {}),
    ...(refunds === 'read' ? { creditRefunds: sources ? creditRefundsOf(copy, recordsOf(sources.credits), fallback) : [] } : {}),
    ...(hasDebitNotes ? { debitNotes: openDebitNotes(recordsOf(sources?.debitNotes ?? []), fallback) } : {}),
  };
  // A payment with its applications hidden would look wholly unapplied: say so rather than show it.
  if (!paymentsRead) return { ...empty(relatedText.someUnreadable), ...parts };
  if (!sources) return { ...empty(null, true), ...parts };
  // As of a day (a statement's, an as-of view's): what was applied, refunded and received by then — an application or refund made
  // later, or a payment (credit note) dated later, had not happened yet; a later (un)application never changes that day's figures.
  const applied = asOf === undefined ? appliedFor(copy, () => [...recordsOf(sources.payments), ...recordsOf(sources.credits)].map((record) => record.id)) : appliedBySourceAsOf(copy, asOf);
  const byThen = (record: RelatedRecord) => asOf === undefined || (day(record.date) ?? '') <= asOf;
  const unapplied = new Map<string, { cash: number; credits: number; cashBelowZero: number; creditsBelowZero: number }>();
  const toRecord = (record: RelatedRecord, kind: 'cash' | 'credits'): CustomerRecord => {
    const currency = text(record.currency) ?? fallback;
    const decimals = currencyDecimals(currency);
    const amount = amountOf(record.amount);
    const appliedMinor = toMinor((kind === 'cash' ? applied.payments : applied.credits).get(record.id) ?? 0, decimals);
    // A payment's (credit note's) refunds paid part of it back: that part is no longer unapplied (refund-lines.ts).
    const refunded = refundedMinor(applied.refunded, record.id, decimals);
    // A Billing credit note's part taken by debit notes allocated to its lines: no longer available either (source-applied.ts).
    const debited = kind === 'credits' ? debitedMinor(applied, record.id, decimals) : 0;
    const source = kind === 'cash' ? 'payment' : 'credit';
    const restMinor = amount === null ? 0 : unappliedMinor(applied, source, record.id, amount, decimals);
    // Below zero: why, part by part — each flagged beside it only where it pushed the rest there (source-applied.ts).
    const why = amount === null ? null : belowZeroCauses(applied, source, record.id, amount, restMinor, decimals);
    let sums = unapplied.get(currency);
    if (!sums) unapplied.set(currency, (sums = { cash: 0, credits: 0, cashBelowZero: 0, creditsBelowZero: 0 }));
    sums[kind] += restMinor;
    // A payment (credit note) below zero is summed as it is (never clamped) and counted, so the card's sum says so.
    if (restMinor < 0) sums[kind === 'cash' ? 'cashBelowZero' : 'creditsBelowZero']++;
    const scale = 10 ** decimals;
    // What of it is applied in another currency (net, taken-back ones left out): shown beside it, never summed.
    const other = [...(applied.otherCurrency.get(record.id) ?? [])].filter(([c, sum]) => toMinor(sum, currencyDecimals(c)) > 0);
    return {
      id: record.id, number: text(record.number), date: day(record.date), status: text(record.status), method: text(record.method),
      currency, amount, applied: appliedMinor / scale, unapplied: restMinor / scale, ...(refunded !== 0 ? { refunded: refunded / scale } : {}),
      ...(debited !== 0 ? { debited: debited / scale } : {}),
      // Applied beyond its amount, refunded or taken by debit notes beyond what the applications left: shown below zero as
      // Salesforce's records give it (never clamped), and flagged.
      ...(why?.overApplied ? { overApplied: true as const } : {}),
      ...(why?.overRefunded ? { overRefunded: true as const } : {}),
      ...(why?.overDebited ? { overDebited: true as const } : {}),
      ...(other.length > 0 ? { otherCurrency: other.sort(([a], [b]) => a.localeCompare(b)).map(([c, sum]) => ({ currency: c, amount: toMinor(sum, currencyDecimals(c)) / 10 ** currencyDecimals(c) })) } : {}),
    };
  };
  const payments = recordsOf(sources.payments).filter(byThen).map((record) => toRecord(record, 'cash')).sort(newestFirst);
  const credits = recordsOf(sources.credits).filter(byThen).map((record) => toRecord(record, 'credits')).filter((credit) => credit.unapplied !== 0).sort(newestFirst);
  return {
    customer, available: true, note: null, accounts: sources.accounts.size, payments, credits, warnings: copy.warnings,
    ...parts,
    unapplied: [...unapplied.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, sums]) => {
      const scale = 10 ** currencyDecimals(currency);
      return {
        currency, cash: sums.cash / scale, credits: sums.credits / scale,
        ...(sums.cashBelowZero > 0 ? { cashBelowZero: sums.cashBelowZero } : {}),
        ...(sums.creditsBelowZero > 0 ? { creditsBelowZero: sums.creditsBelowZero } : {}),
      };
    }),
  };
}
