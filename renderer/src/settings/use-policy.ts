import { useEffect, useState } from 'react';
import type { PolicyStatus } from '../../../electron/contract';
import { unwrap } from '../api/result';
import { budgetly } from '../bridge';

const NONE: PolicyStatus = { path: null, state: 'none', problem: null, locks: { signInMethod: null, weakStorageNeverAllowed: false, syncInterval: null, updates: null }, connections: [] };

/** The machine-wide policy file as the core read it at start (it does not change while the app runs). */
export function usePolicy(): PolicyStatus {
  const [status, setStatus] = useState<PolicyStatus>(NONE);
  useEffect(() => {
    if (!window.budgetly) return;
    unwrap(budgetly().policy.status()).then(setStatus, () => undefined);
  }, []);
  return status;
}
