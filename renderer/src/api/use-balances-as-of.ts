import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { budgetly } from '../bridge';
import { unwrap } from './result';

type BalancesAsOf = ChannelOutput<'invoices.balancesAsOf'>;

/**
 * The balances as of the aging date for one list (its version): asked again when the date or the copy changes.
 * null until the answer for this date and copy is there (or when it could not be had: the balances shown are then
 * those of the last sync, and the workspace says so).
 */
export function useBalancesAsOf(connectionId: string, asOf: string, version: string | null): BalancesAsOf | null {
  const [answer, setAnswer] = useState<{ key: string; value: BalancesAsOf | null } | null>(null);
  const key = `${connectionId}|${asOf}|${version ?? ''}`;
  useEffect(() => {
    if (version === null) return;
    let live = true;
    unwrap(budgetly().invoices.balancesAsOf({ connectionId, asOf })).then(
      (value) => live && setAnswer({ key, value }),
      () => live && setAnswer({ key, value: null }),
    );
    return () => {
      live = false;
    };
  }, [connectionId, asOf, version, key]);
  return answer?.key === key ? answer.value : null;
}
