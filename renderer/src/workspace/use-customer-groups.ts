import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { activeAfterToggle, groupByCustomer, type CustomerGroups } from '../invoices/group-by-customer';
import type { PreparedInvoices } from '../invoices/prepared';

/**
 * "Group by customer" in the list toolbar: whether it is on, which customers' groups are collapsed, and the flat
 * list the grid shows (built once per change of the rows, filters, sort or collapsed groups; null when off).
 */
export function useCustomerGroups(prepared: PreparedInvoices, visible: Uint32Array, setActive: (position: number) => void) {
  const [on, setOn] = useState(false);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const groups: CustomerGroups | null = useMemo(() => (on ? groupByCustomer(prepared, visible, collapsed) : null), [on, prepared, visible, collapsed]);
  // The invoice that was active when a group was toggled: the active row follows it (or stays near) in the new list.
  const kept = useRef<{ index: number; key: string } | null>(null);
  useEffect(() => {
    if (!groups || !kept.current) return;
    const { index, key } = kept.current;
    kept.current = null;
    setActive(activeAfterToggle(groups, index, key));
  }, [groups, setActive]);
  /** Collapses or expands `key`'s group; `activeIndex` is the row index of the active invoice (undefined: none). */
  const toggle = useCallback((key: string, activeIndex: number | undefined) => {
    kept.current = activeIndex === undefined ? null : { index: activeIndex, key };
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }, []);
  return { on, setOn, groups, toggle };
}
