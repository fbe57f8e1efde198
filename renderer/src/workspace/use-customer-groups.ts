import { useMemo, useState } from 'react';
import { activeAfterToggle, groupByCustomer, type CustomerGroups } from '../invoices/group-by-customer';
import type { PreparedInvoices } from '../invoices/prepared';

interface Collapsed {
  keys: ReadonlySet<string>;
  /** The groups a toggle already built for these keys, and what from: not built again on the render it causes. */
  built: { prepared: PreparedInvoices; visible: Uint32Array; groups: CustomerGroups } | null;
}

/**
 * "Group by customer" in the list toolbar: whether it is on, which customers' groups are collapsed, and the flat
 * list the grid shows (built once per change of the rows, filters, sort or collapsed groups; null when off).
 */
export function useCustomerGroups(prepared: PreparedInvoices, visible: Uint32Array, setActive: (position: number) => void) {
  const [on, setOn] = useState(false);
  const [collapsed, setCollapsed] = useState<Collapsed>(() => ({ keys: new Set(), built: null }));
  const groups = useMemo(() => {
    if (!on) return null;
    const built = collapsed.built;
    if (built && built.prepared === prepared && built.visible === visible) return built.groups;
    return groupByCustomer(prepared, visible, collapsed.keys);
  }, [on, prepared, visible, collapsed]);

  /**
   * Collapses or expands `key`'s group. The active row (`activeIndex`: the row index of the active invoice) moves in
   * the same render as the rows, to its invoice or the next one shown: the grid never shows another invoice active.
   */
  const toggle = (key: string, activeIndex: number | undefined) => {
    const keys = new Set(collapsed.keys);
    if (!keys.delete(key)) keys.add(key);
    const next = groupByCustomer(prepared, visible, keys);
    setCollapsed({ keys, built: { prepared, visible, groups: next } });
    if (activeIndex !== undefined) setActive(activeAfterToggle(next, activeIndex, key));
  };
  return { on, setOn, groups, toggle };
}
