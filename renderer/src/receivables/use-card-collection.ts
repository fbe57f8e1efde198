import { useMemo } from 'react';
import type { PreparedInvoices } from '../invoices/prepared';
import { cardCollection, type CardCollection } from './card-collection';

/** No figures: the cards wait for every invoice (see `useCardCollection`). */
const NONE: ReadonlyMap<string, CardCollection> = new Map();

/**
 * The cards' DSO and average days to pay over the view's rows, once per change of the rows shown or the as-of day.
 * `ready` false (only the first rows of the first load are in): nothing is worked out — no card shows before every
 * invoice is there (the totals' placeholder stands in their place), and the first rows' render stays free of it
 * (issue #19: the columns and sums over the first window were the largest part of the workspace's hooks in the trace).
 */
export function useCardCollection(prepared: PreparedInvoices, members: ArrayLike<number>, asOfDay: number, cutOff: boolean, ready: boolean): ReadonlyMap<string, CardCollection> {
  return useMemo(() => (ready ? cardCollection(prepared, members, asOfDay, cutOff) : NONE), [ready, prepared, members, asOfDay, cutOff]);
}
