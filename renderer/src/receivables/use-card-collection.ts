import { useMemo } from 'react';
import type { PreparedInvoices } from '../invoices/prepared';
import { cardCollection } from './card-collection';

/** The cards' DSO and average days to pay over the view's rows, once per change of the rows shown or the as-of day. */
export function useCardCollection(prepared: PreparedInvoices, members: ArrayLike<number>, asOfDay: number, cutOff: boolean) {
  return useMemo(() => cardCollection(prepared, members, asOfDay, cutOff), [prepared, members, asOfDay, cutOff]);
}
