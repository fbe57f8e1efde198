import { useEffect, useRef } from 'react';
import type { InvoiceListRow } from '../../../electron/contract';

/**
 * Keeps the selected invoice selected when a sync replaces the rows under an unchanged view:
 * the selection is a position in the visible list, so a row added above it would otherwise move
 * the selection onto another invoice. Filter and sort changes are left to the workspace.
 */
export function useKeptSelection(rows: readonly InvoiceListRow[], visible: Uint32Array, active: number, setActive: (position: number) => void): void {
  const seen = useRef<{ id: string | null; rows: readonly InvoiceListRow[] }>({ id: null, rows });
  useEffect(() => {
    const previous = seen.current;
    if (previous.rows !== rows && previous.id !== null) {
      const position = positionOf(previous.id, rows, visible);
      seen.current = { id: position >= 0 ? previous.id : null, rows };
      if (position >= 0 && position !== active) setActive(position);
      return;
    }
    const index = visible[active];
    seen.current = { id: index === undefined ? null : (rows[index]?.id ?? null), rows };
  }, [rows, visible, active, setActive]);
}

function positionOf(id: string, rows: readonly InvoiceListRow[], visible: Uint32Array): number {
  for (let position = 0; position < visible.length; position++) {
    if (rows[visible[position]!]?.id === id) return position;
  }
  return -1;
}
