import { useEffect, useState } from 'react';
import type { Mapping } from '../../../electron/contract';
import { unwrap } from '../api/result';
import { budgetly } from '../bridge';

/**
 * The grid's columns filled from one mapped invoice field each. A view naming one whose field no org can read
 * (field-level security hides it, or it was deleted: the mapping drops it) opens without it and says so. Not the
 * number (always shown) nor the currency (the org's corporate currency stands in for a hidden one).
 */
const FIELD_COLUMNS = ['customer', 'invoiceDate', 'dueDate', 'status', 'total', 'balance', 'lastModified'] as const;

/**
 * The columns no org can fill: unmapped in every org's mapping. An org whose mapping is not known (never synced,
 * or the question failed) might fill any of them: then none is said to be unreadable.
 */
export function unreadableColumns(mappings: readonly (Pick<Mapping, 'fields'> | null)[]): string[] {
  if (mappings.length === 0 || mappings.some((mapping) => mapping === null)) return [];
  return FIELD_COLUMNS.filter((column) => mappings.every((mapping) => !mapping!.fields[column]));
}

/** The unreadable columns of these connections' mappings (asked again when every invoice is there: after a sync). */
export function useUnreadableColumns(connectionIds: readonly string[], ready: boolean): readonly string[] {
  const [columns, setColumns] = useState<readonly string[]>([]);
  const key = connectionIds.join(',');
  useEffect(() => {
    if (!ready || !key) return;
    let live = true;
    const asks = key.split(',').map((connectionId) => unwrap(budgetly().invoices.mapping.get({ connectionId })).catch(() => null));
    void Promise.all(asks).then((mappings) => live && setColumns(unreadableColumns(mappings)));
    return () => {
      live = false;
    };
  }, [key, ready]);
  return columns;
}
