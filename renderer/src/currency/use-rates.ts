import { useEffect, useState } from 'react';
import type { CurrencyRates } from '../../../electron/contract';
import { budgetly } from '../bridge';
import { unwrap } from '../api/result';
import { useBridgeEvent } from '../api/use-event';

/**
 * The connection's currencies and exchange rates from its offline copy (`invoices.rates`), read again after
 * every sync that lands (rates edited in Salesforce arrive with the sync even when no invoice changed).
 * null until the first answer (or when it failed: the per-currency view needs none).
 */
export function useRates(connectionId: string): CurrencyRates | null {
  const [state, setState] = useState<{ for: string; rates: CurrencyRates | null }>({ for: connectionId, rates: null });
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let live = true;
    unwrap(budgetly().invoices.rates({ connectionId })).then(
      (rates) => live && setState({ for: connectionId, rates }),
      () => live && setState({ for: connectionId, rates: null }),
    );
    return () => {
      live = false;
    };
  }, [connectionId, asked]);
  useBridgeEvent('invoices.syncProgress', (payload) => {
    if (payload.connectionId === connectionId && payload.phase === 'done') setAsked((n) => n + 1);
  });
  return state.for === connectionId ? state.rates : null;
}
