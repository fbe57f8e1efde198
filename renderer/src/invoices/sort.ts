import type { PreparedInvoices } from './prepared';
import { daysOverdueAt } from './prepared';

export type SortColumn = 'number' | 'customer' | 'invoiceDate' | 'dueDate' | 'status' | 'total' | 'balance' | 'currency' | 'daysOverdue';
export interface SortSpec {
  column: SortColumn;
  desc: boolean;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * The whole set in display order for one column and direction. Empty values always go last;
 * ties are broken by invoice number, then id, so the order is the same every time.
 * Computed once per (data, column, direction, as-of day); the visible rows are then one pass
 * over this order keeping those in the filter mask.
 */
export function sortedOrder(prepared: PreparedInvoices, spec: SortSpec | null, asOfDay: number): Uint32Array {
  const n = prepared.rows.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const rows = prepared.rows;
  const tie = (a: number, b: number) => collator.compare(rows[a]!.number, rows[b]!.number) || (rows[a]!.id < rows[b]!.id ? -1 : rows[a]!.id > rows[b]!.id ? 1 : 0);
  if (!spec) return order.sort(tie);
  const sign = spec.desc ? -1 : 1;
  const numeric = numericKey(prepared, spec.column, asOfDay);
  if (numeric) {
    return order.sort((a, b) => {
      const x = numeric[a]!;
      const y = numeric[b]!;
      const xn = Number.isNaN(x);
      const yn = Number.isNaN(y);
      if (xn || yn) return xn === yn ? tie(a, b) : xn ? 1 : -1;
      return x === y ? tie(a, b) : (x < y ? -1 : 1) * sign;
    });
  }
  const text = textKey(prepared, spec.column);
  return order.sort((a, b) => {
    const x = text(a);
    const y = text(b);
    if (x === null || y === null) return x === y ? tie(a, b) : x === null ? 1 : -1;
    return collator.compare(x, y) * sign || tie(a, b);
  });
}

function numericKey(prepared: PreparedInvoices, column: SortColumn, asOfDay: number): Float64Array | null {
  const n = prepared.rows.length;
  switch (column) {
    case 'invoiceDate':
      return prepared.invoiceDay;
    case 'dueDate':
      return prepared.dueDay;
    case 'total':
    case 'balance': {
      const key = new Float64Array(n);
      for (let i = 0; i < n; i++) key[i] = prepared.rows[i]![column] ?? Number.NaN;
      return key;
    }
    case 'daysOverdue': {
      const key = new Float64Array(n);
      for (let i = 0; i < n; i++) key[i] = daysOverdueAt(prepared, i, asOfDay);
      return key;
    }
    default:
      return null;
  }
}

function textKey(prepared: PreparedInvoices, column: SortColumn): (i: number) => string | null {
  const rows = prepared.rows;
  switch (column) {
    case 'customer':
      return (i) => rows[i]!.customer || null;
    case 'status':
      return (i) => rows[i]!.status || null;
    case 'currency':
      return (i) => rows[i]!.currency;
    default:
      return (i) => rows[i]!.number;
  }
}

/** The visible rows in order: one pass over the sorted order. */
export function visibleIndexes(order: Uint32Array, mask: Uint8Array): Uint32Array {
  let count = 0;
  for (let k = 0; k < order.length; k++) count += mask[order[k]!]!;
  const out = new Uint32Array(count);
  let j = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (mask[i]) out[j++] = i;
  }
  return out;
}
