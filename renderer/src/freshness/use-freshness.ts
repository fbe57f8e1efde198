import { useEffect, useState } from 'react';
import type { FreshnessStatus } from '../../../electron/contract';
import { unwrap } from '../api/result';
import { useBridgeEvent } from '../api/use-event';
import { budgetly } from '../bridge';

/** When each org is synced next in the background (and why not), kept current by `freshness.changed`. */
export function useFreshness(): FreshnessStatus | null {
  const [status, setStatus] = useState<FreshnessStatus | null>(null);
  useEffect(() => {
    unwrap(budgetly().freshness.status()).then(setStatus, () => undefined);
  }, []);
  useBridgeEvent('freshness.changed', setStatus);
  return status;
}

/** Tells the main process when this window sees the network go away or come back. */
export function useNetworkReporting(): void {
  useEffect(() => {
    const report = () => void budgetly().app.networkChanged({ online: navigator.onLine });
    report();
    window.addEventListener('online', report);
    window.addEventListener('offline', report);
    return () => {
      window.removeEventListener('online', report);
      window.removeEventListener('offline', report);
    };
  }, []);
}
