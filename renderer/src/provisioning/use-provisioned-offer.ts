import { useEffect, useState } from 'react';
import type { ProvisionedOffer } from '../../../electron/contract';
import { unwrap } from '../api/result';
import { useBridgeEvent } from '../api/use-event';
import { budgetly } from '../bridge';

/**
 * The link or `.budgetly` file shown to the user: the one waiting at start, then each that arrives.
 * It stays shown after the core stops offering it (accepted: its sign-in runs in the same screen) until `close`.
 */
export function useProvisionedOffer(): { offer: ProvisionedOffer | null; close: () => void } {
  const [offer, setOffer] = useState<ProvisionedOffer | null>(null);
  useEffect(() => {
    let live = true;
    unwrap(budgetly().provisioning.pending())
      .then((pending) => live && setOffer((current) => current ?? pending))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  useBridgeEvent('provisioning.changed', (next) => {
    if (next) setOffer(next);
  });
  return { offer, close: () => setOffer(null) };
}
