import { useEffect, useState } from 'react';
import type { InvoicesChanged } from '../../../electron/contract';
import { useBridgeEvent } from '../api/use-event';

/** How long changed rows stay highlighted (the CSS animation fades within it). */
export const HIGHLIGHT_MS = 4_000;

export interface RecentChanges {
  /** When the last sync landed in this window (this computer's clock) and what it changed. */
  last: (InvoicesChanged & { at: number }) | null;
  /** Ids of rows to highlight right now. */
  highlighted: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

/** What the last sync of this connection changed, for the quiet "updated" line and the row highlight. */
export function useRecentChanges(connectionId: string): RecentChanges {
  const [last, setLast] = useState<RecentChanges['last']>(null);
  const [highlighted, setHighlighted] = useState<ReadonlySet<string>>(NONE);
  useBridgeEvent('invoices.changed', (payload) => {
    if (payload.connectionId !== connectionId) return;
    setLast({ ...payload, at: Date.now() });
    setHighlighted(payload.changedIds?.length ? new Set(payload.changedIds) : NONE);
  });
  useEffect(() => {
    if (highlighted.size === 0) return;
    const timer = setTimeout(() => setHighlighted(NONE), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlighted]);
  return { last, highlighted };
}
