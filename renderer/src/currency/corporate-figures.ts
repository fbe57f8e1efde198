import { convertedTotals, convertRows, type ConversionBasis, type ConvertedRows, type ConvertedTotals } from '../../../electron/contract/conversion/convert';
import type { RateTable } from '../../../electron/contract/conversion/rate-table';
import { agingBuckets, type AgingBucketKey } from '../invoices/aging';
import type { PreparedInvoices } from '../invoices/prepared';

/**
 * The workspace's figures in the corporate currency (issue #14): the rows converted once per copy, rates,
 * basis and as-of day (typed columns beside the prepared rows, no second copy of them), then sums over the
 * rows shown. Totals are sums of the rounded rows.
 */
export function convertPrepared(prepared: PreparedInvoices, table: RateTable, basis: ConversionBasis, asOf: string): ConvertedRows {
  return convertRows(prepared.rows, table, basis, asOf, prepared.invoiceDay);
}

export interface CorporateFigures {
  all: ConvertedTotals;
  /** Per invoice currency: the same sums over that currency's rows (the converted figure beside each card's original). */
  byCurrency: Map<string, ConvertedTotals>;
  /** Per invoice currency: the rate slots its rows used (what the figure's tooltip names). */
  slotsByCurrency: Map<string, Set<number>>;
  /** The rate slots all the rows summed used (what the corporate card's tooltip names). */
  slots: Set<number>;
}

export function corporateFigures(converted: ConvertedRows, prepared: PreparedInvoices, members: ArrayLike<number>): CorporateFigures {
  // Receivables only, as the per-currency cards count them (drafts unless included, and cancelled invoices, are left out).
  const counted: number[] = [];
  const groups = new Map<string, number[]>();
  for (let k = 0; k < members.length; k++) {
    const i = members[k]!;
    if (!prepared.counted[i]) continue;
    counted.push(i);
    const currency = prepared.rows[i]!.currency;
    let list = groups.get(currency);
    if (!list) groups.set(currency, (list = []));
    list.push(i);
  }
  const byCurrency = new Map<string, ConvertedTotals>();
  const slotsByCurrency = new Map<string, Set<number>>();
  // Every summed row is in one currency's group: the card's slots are the union of the groups' (no second pass over the rows).
  const slots = new Set<number>();
  for (const [currency, indexes] of groups) {
    byCurrency.set(currency, convertedTotals(converted, prepared.rows, indexes));
    const used = rowSlots(converted, indexes);
    slotsByCurrency.set(currency, used);
    for (const slot of used) slots.add(slot);
  }
  return { all: convertedTotals(converted, prepared.rows, counted), byCurrency, slotsByCurrency, slots };
}

export interface CorporateBucket {
  key: AgingBucketKey;
  label: string;
  count: number;
  /** Converted open balance, corporate major units. */
  balance: number;
}

/**
 * Aging of the converted open balances over the rows given; `bucketOf` is the workspace's own aging rule
 * (invoices/aging.ts), so both views bucket an invoice alike. Rows without a rate are left out.
 */
export function corporateAging(converted: ConvertedRows, members: ArrayLike<number>, bucketOf: (i: number) => AgingBucketKey | null): CorporateBucket[] {
  const order = agingBuckets.map((b) => b.key);
  const counts = [0, 0, 0, 0, 0];
  const minor = [0, 0, 0, 0, 0];
  for (let k = 0; k < members.length; k++) {
    const i = members[k]!;
    if (converted.rate[i]! < 0) continue;
    const bucket = bucketOf(i);
    if (!bucket) continue;
    const balance = converted.balance[i]!;
    if (Number.isNaN(balance)) continue;
    const slot = order.indexOf(bucket);
    counts[slot]! += 1;
    minor[slot]! += balance;
  }
  const scale = 10 ** converted.decimals;
  return agingBuckets.map((b, slot) => ({ key: b.key, label: b.label, count: counts[slot]!, balance: minor[slot]! / scale }));
}

/** The rate slots the rows used (see ConvertedRows.rate): one on the as-of basis, the periods met on the invoice-date basis. */
function rowSlots(converted: ConvertedRows, indexes: ArrayLike<number>): Set<number> {
  const slots = new Set<number>();
  for (let k = 0; k < indexes.length; k++) slots.add(converted.rate[indexes[k]!]!);
  return slots;
}
