import type { InvoiceListRow } from '../../../electron/contract';
import { SUM_SCALE } from '../../../electron/contract/sum-scale';
import type { PreparedInvoices } from './prepared';

/**
 * The invoices' currencies and amounts as columns: what the totals and the aging chart add up at every keystroke,
 * read from typed arrays instead of 100,000 row objects (and without a Map lookup per row). Amounts are in
 * SUM_SCALE thousandths, rounded once per row exactly as the sums always rounded them, so totals stay exact.
 * Built once per list, the first time a total is asked for (or window by window as the list loads: workspace/list-parts.ts).
 */
export interface AmountColumns {
  /** The distinct currency codes, sorted; `currency[i]` is row i's place in it. */
  codes: string[];
  currency: Uint16Array | Uint32Array;
  /** round(total × SUM_SCALE), round(balance × SUM_SCALE); an empty amount is 0. */
  total: Float64Array;
  balance: Float64Array;
  /** 1 when the balance is neither empty nor 0 (what the aging chart counts). */
  open: Uint8Array;
}

/** By rows, not by prepared set: the columns do not depend on the view's rules (a set prepared again reads the same). */
const cache = new WeakMap<readonly InvoiceListRow[], AmountColumns>();

export function amountColumns(prepared: PreparedInvoices): AmountColumns {
  let columns = cache.get(prepared.rows);
  if (!columns) {
    joinAmountColumns(prepared.rows, [amountColumnsPiece(prepared.rows)]);
    columns = cache.get(prepared.rows)!;
  }
  return columns;
}

/** The same of one window of a list: `codes` in the order they first come in it, `currency[i]` a place in those. */
export type AmountColumnsPiece = AmountColumns;

/** One window's amount columns (made while the next window crosses: workspace/list-parts.ts). */
export function amountColumnsPiece(rows: readonly InvoiceListRow[]): AmountColumnsPiece {
  const n = rows.length;
  const places = new Map<string, number>();
  const codes: string[] = [];
  const currency = new Uint32Array(n);
  const total = new Float64Array(n);
  const balance = new Float64Array(n);
  const open = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    let place = places.get(row.currency);
    if (place === undefined) places.set(row.currency, (place = codes.push(row.currency) - 1));
    currency[i] = place;
    total[i] = Math.round((row.total ?? 0) * SUM_SCALE);
    balance[i] = Math.round((row.balance ?? 0) * SUM_SCALE);
    open[i] = row.balance ? 1 : 0;
  }
  return { codes, currency, total, balance, open };
}

/**
 * What amountColumns then answers for `rows`, from the pieces of its windows in order (the rows are those windows'
 * rows, one after the other: workspace/list-parts.ts checks it): the codes of every window, sorted; each row's place
 * among them.
 */
export function joinAmountColumns(rows: readonly InvoiceListRow[], pieces: readonly AmountColumnsPiece[]): AmountColumns {
  const n = rows.length;
  const codes = [...new Set(pieces.flatMap((piece) => piece.codes))].sort();
  const places = new Map(codes.map((code, k) => [code, k]));
  const currency = codes.length > 0xffff ? new Uint32Array(n) : new Uint16Array(n);
  const one = pieces.length === 1 ? pieces[0]! : null;
  const total = one?.total ?? new Float64Array(n);
  const balance = one?.balance ?? new Float64Array(n);
  const open = one?.open ?? new Uint8Array(n);
  let at = 0;
  for (const piece of pieces) {
    const place = piece.codes.map((code) => places.get(code)!);
    const local = piece.currency;
    for (let i = 0; i < local.length; i++) currency[at + i] = place[local[i]!]!;
    if (!one) {
      total.set(piece.total, at);
      balance.set(piece.balance, at);
      open.set(piece.open, at);
    }
    at += local.length;
  }
  const columns = { codes, currency, total, balance, open };
  cache.set(rows, columns);
  return columns;
}
