import { cellsOf, tableOf, type RelatedCopy } from '../related/related-copy';
import { rowsOfIds } from './rows-of-ids';
import { REVERSAL_TYPES } from '../related/related-specs';
import { amountOf, day, text, toMinor } from './applied-ledger';
import { oncePerCopy } from './once-per-copy';
import { buildNow, oncePerCopyInSlices, type Build, type Pass } from './sliced-build';
import { refundDay, refundEffect, refundedMinor, refundLinesBySource } from './refund-lines';
import { currencyDecimals } from '../../../contract/currency-decimals';

/** Per payment or credit note id: what of it is applied, net of reversals (as Salesforce states the amounts). */
interface SourceApplied {
  payments: Map<string, number>;
  credits: Map<string, number>;
  /**
   * Applications in another currency than their payment's or credit note's, net per currency: never summed into the
   * payment's own currency (no rate makes them comparable here) — shown beside it; a payment used so has nothing
   * left as unapplied cash (unappliedMinor).
   */
  otherCurrency: Map<string, Map<string, number>>;
  /**
   * Per payment or credit note id: what of it was paid back by refund lines (allocations minus unallocations; refund-lines.ts
   * says which count). Not applied to any invoice, and no longer unapplied: unapplied = amount − applied − refunded.
   */
  refunded: Map<string, number>;
  /**
   * Per Billing credit note id: what debit notes allocated to its lines took of it (Σ of its lines' blng__Debits__c, a calculated
   * field Billing subtracts from each line's available balance, as it subtracts refunds). Undated (a roll-up as of the last sync):
   * counted whatever the as-of day. Not applied to any invoice, and no longer unapplied.
   */
  debited: Map<string, number>;
}

/**
 * Σ of each payment's and credit note's applications (applied minus taken back), wherever they point — an
 * invoice outside the rows shown, or one not in the copy at all — once per copy; those in another currency than
 * the payment's (credit note's) apart, per currency (`otherCurrency`). An application with a zero,
 * negative or missing amount is left out, as the detail panel leaves it out. What is not applied of a payment
 * is unapplied cash (issue 13); of a credit note, an unapplied credit.
 */
export const appliedBySource = oncePerCopyInSlices((copy: RelatedCopy): Build<SourceApplied> => appliedSums(copy));

/**
 * appliedBySource's sums of the payments and credit notes `ids()` gives (one customer's view), when the copy's are not made yet
 * (right after a sync's answer, before the warm-up: the whole build at once ~0.4 s at 100k invoices, BENCHMARKS session 31): the
 * same passes keeping those sources' sums alone (a few times per copy: sliced-build.ts `targeted`). Asked for another source, it
 * knows nothing.
 */
export function appliedFor(copy: RelatedCopy, ids: () => readonly string[]): SourceApplied {
  const made = appliedBySource.made(copy);
  if (made) return made;
  return appliedBySource.targeted(copy) ? buildNow(appliedSums(copy, undefined, new Set(ids()))) : appliedBySource(copy);
}

/** appliedBySourceAsOf's answers per copy, for the last few days asked (a batch of statements asks one day for every customer). */
const answersAsOf = oncePerCopy((_copy: RelatedCopy) => new Map<string, SourceApplied>());

/**
 * As appliedBySource, as of a day: applications and refund lines dated later (applied day, else created; the day on the
 * computer's clock: local-day.ts) were not made yet. One pass over the copy per day asked, kept for the last four days.
 */
export function appliedBySourceAsOf(copy: RelatedCopy, asOf: string): SourceApplied {
  const answers = answersAsOf(copy);
  let found = answers.get(asOf);
  if (!found) {
    if (answers.size >= 4) answers.delete(answers.keys().next().value!);
    answers.set(asOf, (found = buildNow(appliedSums(copy, asOf))));
  }
  return found;
}

/**
 * The sums in passes (sliced-build.ts: the background warm-up after a sync builds them in slices): each payment's and credit
 * note's currency, the refund lines, the credit note lines' debits, then the applications.
 */
function appliedSums(copy: RelatedCopy, asOf?: string, only?: ReadonlySet<string>): Build<SourceApplied> {
  const found: SourceApplied = { payments: new Map(), credits: new Map(), otherCurrency: new Map(), refunded: new Map(), debited: new Map() };
  const currencyOf = new Map<string, string>();
  const passes: Pass[] = [];
  // Read cell by cell (related-copy.ts cellsOf): no record object per payment or application (~300k at 100k invoices).
  for (const object of copy.objects) {
    if (object.role !== 'payment' && object.role !== 'creditNote') continue;
    const cells = cellsOf(object);
    const currencyAt = cells.reader('currency');
    const currencies = (from: number, to: number) => {
      for (let row = from; row < to; row++) {
        if (only && !only.has(cells.id(row))) continue;
        const currency = text(currencyAt(row));
        if (currency) currencyOf.set(cells.id(row), currency);
      }
    };
    passes.push({
      length: only ? 1 : cells.length,
      rows(from, to) {
        if (!only) return currencies(from, to);
        // Those few sources' rows by the columns' index of ids when they have one (rows-of-ids.ts), else every row.
        const ids = [...only];
        const rows = rowsOfIds(tableOf(object), ids);
        if (!rows) return currencies(0, cells.length);
        rows.forEach((row, k) => {
          const currency = row < 0 ? null : text(currencyAt(row));
          if (currency) currencyOf.set(ids[k]!, currency);
        });
      },
    });
  }
  passes.push({
    length: 1,
    rows() {
      for (const [source, record] of refundLinesBySource(copy)) {
        const signed = refundEffect(record);
        if (signed === 0 || (only && !only.has(source)) || (asOf !== undefined && (refundDay(record) ?? '') > asOf)) continue;
        // A refund line in another currency than its payment's (credit note's) is not taken off it (Salesforce keeps a refund line in its refund's currency).
        const own = currencyOf.get(source);
        const currency = text(record.currency) ?? own;
        if (own && currency && currency !== own) continue;
        found.refunded.set(source, (found.refunded.get(source) ?? 0) + signed);
      }
      for (const object of copy.objects) {
        if (object.role !== 'creditNoteLine') continue;
        for (const record of object.records) {
          const creditNote = text(record.creditNote);
          if (!creditNote || typeof record.debits !== 'number' || record.debits === 0 || (only && !only.has(creditNote))) continue;
          found.debited.set(creditNote, (found.debited.get(creditNote) ?? 0) + record.debits);
        }
      }
    },
  });
  for (const object of copy.objects) {
    const into = object.role === 'paymentApplication' ? found.payments : object.role === 'creditApplication' ? found.credits : null;
    if (!into) continue;
    const cells = cellsOf(object);
    const [sourceAt, amountAt, dateAt, createdAt, typeAt, currencyAt] = ['source', 'amount', 'date', 'created', 'type', 'currency'].map((key) => cells.reader(key));
    passes.push({
      length: cells.length,
      rows(from, to) {
        for (let row = from; row < to; row++) {
          const source = text(sourceAt!(row));
          if (!source || (only && !only.has(source))) continue;
          const amount = amountOf(amountAt!(row));
          if (amount === null || !(amount > 0)) continue;
          if (asOf !== undefined) {
            const on = day(dateAt!(row)) ?? day(createdAt!(row));
            if (on !== null && on > asOf) continue;
          }
          const reversal = REVERSAL_TYPES.has(String(typeAt!(row) ?? '').toLowerCase());
          const signed = reversal ? -amount : amount;
          const own = currencyOf.get(source);
          const currency = text(currencyAt!(row)) ?? own;
          if (own && currency && currency !== own) {
            let other = found.otherCurrency.get(source);
            if (!other) found.otherCurrency.set(source, (other = new Map()));
            other.set(currency, (other.get(currency) ?? 0) + signed);
            continue;
          }
          into.set(source, (into.get(source) ?? 0) + signed);
        }
      },
    });
  }
  return { passes, answer: () => found };
}

/**
 * THE rule of what is still unapplied of a payment (credit note), in minor units of its own currency: its amount − what
 * is applied in its currency (net of reversals) − what refunds paid back of it − (a Billing credit note) what debit notes
 * allocated to its lines took of it. A payment (credit note)
 * applied in another currency — Salesforce keeps a payment and the invoices it pays in one currency, so such an
 * application is money the customer meant for that invoice, in an amount no rate here turns back into the payment's —
 * has its own currency used: nothing of it is unapplied (0; it was its whole amount), the other currency shown beside
 * it (`otherCurrency`), never added to any currency's sums. Once that application is taken back, the usual rule again.
 * The customer view, statements and `receivablesSummary` (headless `unappliedCashReceivedLessRefunds`) all ask this.
 */
export function unappliedMinor(sums: SourceApplied, kind: 'payment' | 'credit', id: string, amount: number, decimals: number): number {
  const rest = notAppliedMinor(sums, kind, id, amount, decimals);
  return rest === null ? 0 : rest - refundedMinor(sums.refunded, id, decimals) - (kind === 'credit' ? debitedMinor(sums, id, decimals) : 0);
}

/**
 * What is not applied of a payment (credit note), minor units of its own currency: its amount − what is applied in its
 * currency (net of reversals), before refunds and debit notes — issue 13's literal `unappliedCash` per payment; null when it
 * is applied in another currency (its own used up: unappliedMinor).
 */
export function notAppliedMinor(sums: SourceApplied, kind: 'payment' | 'credit', id: string, amount: number, decimals: number): number | null {
  const other = sums.otherCurrency.get(id);
  if (other && [...other].some(([currency, net]) => toMinor(net, currencyDecimals(currency)) > 0)) return null;
  return toMinor(amount, decimals) - toMinor((kind === 'payment' ? sums.payments : sums.credits).get(id) ?? 0, decimals);
}

/** What debit notes took of a Billing credit note, minor units (SourceApplied.debited). */
export const debitedMinor = (sums: SourceApplied, id: string, decimals: number) => toMinor(sums.debited.get(id) ?? 0, decimals);

/** Why a payment's (credit note's) rest is below zero, part by part (belowZeroCauses); all false when it is not. */
export interface BelowZeroCauses {
  overApplied: boolean;
  overRefunded: boolean;
  overDebited: boolean;
}

/**
 * THE rule of why a payment's (credit note's) rest (unappliedMinor, minor units) is below zero, in Salesforce's own order: its
 * applications first (Billing's allocations), then refunds and — a Billing credit note — debit notes take from what they left
 * (the available balance Billing refunds from). Salesforce's records can say so (an import, a refund line entered by hand); the
 * rest is shown below zero as it is, never clamped, and each part is flagged only when it really pushed the rest there:
 * - overApplied: the applications alone exceed the amount (100 applied 70 + 50 → −20). Then only they are flagged: the rest was
 *   below zero before anything else took from it.
 * - otherwise refunds and debit notes together took more than the applications left (`left` ≥ 0). Each is flagged when it alone
 *   took more than `left`, or when without it the rest would not be below zero (the other fits in `left`): it tipped the rest.
 *   Debit notes are undated (a roll-up), so when each alone fits and both together do not, both are flagged.
 * A rest below zero always has at least one flag; a rest of zero or more has none.
 */
export function belowZeroCauses(sums: SourceApplied, kind: 'payment' | 'credit', id: string, amount: number, restMinor: number, decimals: number): BelowZeroCauses {
  const causes = { overApplied: false, overRefunded: false, overDebited: false };
  if (restMinor >= 0) return causes;
  // Not null here: a payment (credit note) used up in another currency has a rest of 0.
  const left = notAppliedMinor(sums, kind, id, amount, decimals) ?? 0;
  if (left < 0) return { ...causes, overApplied: true };
  const refunded = refundedMinor(sums.refunded, id, decimals);
  const debited = kind === 'credit' ? debitedMinor(sums, id, decimals) : 0;
  return {
    overApplied: false,
    overRefunded: refunded > 0 && (refunded > left || debited <= left),
    overDebited: debited > 0 && (debited > left || refunded <= left),
  };
}
