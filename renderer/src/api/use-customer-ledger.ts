import { useEffect, useState } from 'react';
import type { CustomerLedger } from '../../../electron/contract';
import type { CustomerRef } from '../../../electron/contract/customer-aging';
import { budgetly } from '../bridge';
import { errorOf, unwrap } from './result';

/**
 * One customer's payments and credit notes from the offline copy; read again when the copy changes (`version`). `asOf`: an
 * as-of view's day (applied and unapplied as they stood then); absent: today's.
 */
export function useCustomerLedger(connectionId: string, who: CustomerRef, version: string, asOf?: string): { ledger: CustomerLedger | null; error: string | null } {
  const { name: customer, account } = who;
  const key = `${connectionId}|${account ?? ''}|${customer}|${version}|${asOf ?? ''}`;
  const [state, setState] = useState<{ key: string; ledger: CustomerLedger | null; error: string | null } | null>(null);
  useEffect(() => {
    let live = true;
    unwrap(budgetly().invoices.customer({ connectionId, customer, ...(account ? { account } : {}), ...(asOf ? { asOf } : {}) })).then(
      (ledger) => live && setState({ key, ledger, error: null }),
      (e: unknown) => live && setState({ key, ledger: null, error: errorOf(e).message }),
    );
    return () => {
      live = false;
    };
  }, [connectionId, customer, account, asOf, key]);
  return state?.key === key ? state : { ledger: null, error: null };
}
