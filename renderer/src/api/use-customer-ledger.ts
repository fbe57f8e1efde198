import { useEffect, useState } from 'react';
import type { CustomerLedger } from '../../../electron/contract';
import { budgetly } from '../bridge';
import { errorOf, unwrap } from './result';

/** One customer's payments and credit notes from the offline copy; read again when the copy changes (`version`). */
export function useCustomerLedger(connectionId: string, customer: string, version: string): { ledger: CustomerLedger | null; error: string | null } {
  const key = `${connectionId}|${customer}|${version}`;
  const [state, setState] = useState<{ key: string; ledger: CustomerLedger | null; error: string | null } | null>(null);
  useEffect(() => {
    let live = true;
    unwrap(budgetly().invoices.customer({ connectionId, customer })).then(
      (ledger) => live && setState({ key, ledger, error: null }),
      (e: unknown) => live && setState({ key, ledger: null, error: errorOf(e).message }),
    );
    return () => {
      live = false;
    };
  }, [connectionId, customer, key]);
  return state?.key === key ? state : { ledger: null, error: null };
}
