import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProvisionedOffer } from '../../../electron/contract';
import { unwrap } from '../api/result';
import { useBridgeEvent } from '../api/use-event';
import { budgetly } from '../bridge';

/**
 * The link or `.budgetly` file shown to the user: the one waiting at start, then the next the core offers
 * once this one is closed. A shown offer is never replaced while it is on screen (the user's click adds what
 * they read); it stays shown after the core stops offering it (accepted: its sign-in runs in the same
 * screen) until `close`, which then shows the next one waiting, if any.
 */
export function useProvisionedOffer(): { offer: ProvisionedOffer | null; close: () => void } {
  const [offer, setOffer] = useState<ProvisionedOffer | null>(null);
  const onScreen = useRef<ProvisionedOffer | null>(null);
  const closed = useRef<string | null>(null);
  const showIfNone = useCallback((next: ProvisionedOffer | null) => {
    if (!next || onScreen.current || next.id === closed.current) return;
    onScreen.current = next;
    setOffer(next);
  }, []);
  const fetchWaiting = useCallback(() => {
    unwrap(budgetly().provisioning.pending())
      .then(showIfNone)
      .catch(() => undefined);
  }, [showIfNone]);
  useEffect(fetchWaiting, [fetchWaiting]);
  useBridgeEvent('provisioning.changed', showIfNone);
  const close = useCallback(() => {
    closed.current = onScreen.current?.id ?? null;
    onScreen.current = null;
    setOffer(null);
    fetchWaiting();
  }, [fetchWaiting]);
  return { offer, close };
}
