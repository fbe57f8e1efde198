import { SUM_SCALE } from '../../../electron/contract/sum-scale';
import { customerKey, NO_CUSTOMER, type PreparedInvoices } from './prepared';

/** One currency's subtotal in a customer's group: receivables only, like the currency cards (never across currencies). */
export interface GroupCurrencyTotal {
  currency: string;
  total: number;
  balance: number;
}

/** A customer's header row: its key (the name, or NO_CUSTOMER), how many invoices it holds, its subtotals by currency. */
export interface GroupHeaderItem {
  kind: 'group';
  key: string;
  count: number;
  collapsed: boolean;
  totals: GroupCurrencyTotal[];
}

/** An invoice under its customer's header: `index` into the prepared rows, `position` in `order` (the grid's active row). */
export interface GroupRowItem {
  kind: 'row';
  index: number;
  position: number;
}

export type GroupItem = GroupHeaderItem | GroupRowItem;

export interface CustomerGroups {
  /** What the grid shows, top to bottom: each customer's header, then (unless collapsed) its invoices. */
  items: GroupItem[];
  /** The invoices on screen (collapsed groups left out), in display order: row indexes, like the view's `visible`. */
  order: Uint32Array;
  /** For each position in `order`, its place in `items` (to scroll the active invoice into view). */
  slotOf: Uint32Array;
}

interface Bucket {
  indexes: number[];
  /** Per currency, in SUM_SCALE units. */
  amounts: Map<string, { total: number; balance: number }>;
}

/**
 * Groups the visible invoices (`visible`: row indexes, filtered and sorted) by customer: one pass over them, then
 * one over the groups. Inside a group the invoices keep the current sort order; groups go by customer name
 * (locale-aware), the invoices without a customer last. The subtotals follow the cards' rule: only receivables
 * (`prepared.counted`) add to Total and Balance, summed in thousandths per currency (SUM_SCALE, as the cards); the count is every invoice shown.
 */
export function groupByCustomer(prepared: PreparedInvoices, visible: ArrayLike<number>, collapsed: ReadonlySet<string>): CustomerGroups {
  const buckets = new Map<string, Bucket>();
  for (let k = 0; k < visible.length; k++) {
    const i = visible[k]!;
    const row = prepared.rows[i]!;
    const key = customerKey(row);
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = { indexes: [], amounts: new Map() };
      buckets.set(key, bucket);
    }
    bucket.indexes.push(i);
    if (!prepared.counted[i]) continue;
    let sums = bucket.amounts.get(row.currency);
    if (!sums) {
      sums = { total: 0, balance: 0 };
      bucket.amounts.set(row.currency, sums);
    }
    sums.total += Math.round((row.total ?? 0) * SUM_SCALE);
    sums.balance += Math.round((row.balance ?? 0) * SUM_SCALE);
  }
  const keys = [...buckets.keys()].filter((key) => key !== NO_CUSTOMER).sort((a, b) => a.localeCompare(b));
  if (buckets.has(NO_CUSTOMER)) keys.push(NO_CUSTOMER);

  const items: GroupItem[] = [];
  let shown = 0;
  for (const key of keys) if (!collapsed.has(key)) shown += buckets.get(key)!.indexes.length;
  const order = new Uint32Array(shown);
  const slotOf = new Uint32Array(shown);
  let position = 0;
  for (const key of keys) {
    const bucket = buckets.get(key)!;
    const closed = collapsed.has(key);
    const totals = [...bucket.amounts.keys()].sort().map((currency) => {
      const sums = bucket.amounts.get(currency)!;
      return { currency, total: sums.total / SUM_SCALE, balance: sums.balance / SUM_SCALE };
    });
    items.push({ kind: 'group', key, count: bucket.indexes.length, collapsed: closed, totals });
    if (closed) continue;
    for (const index of bucket.indexes) {
      order[position] = index;
      slotOf[position] = items.length;
      items.push({ kind: 'row', index, position });
      position += 1;
    }
  }
  return { items, order, slotOf };
}

/**
 * Where the active row goes once a group was collapsed or expanded: the same invoice (row `index`) if it is still
 * shown, else the first invoice after the collapsed group's header (else the last one), so the grid stays put.
 */
export function activeAfterToggle(groups: CustomerGroups, index: number, key: string): number {
  const position = groups.order.indexOf(index);
  if (position >= 0) return position;
  const header = groups.items.findIndex((item) => item.kind === 'group' && item.key === key);
  for (let slot = header + 1; slot < groups.items.length; slot++) {
    const item = groups.items[slot]!;
    if (item.kind === 'row') return item.position;
  }
  return Math.max(0, groups.order.length - 1);
}
