import { useEffect, useState } from 'react';
import type { PolicyStatus } from '../../../electron/contract';
import { unwrap } from '../api/result';
import { budgetly } from '../bridge';

const NONE: PolicyStatus = { path: null, state: 'none', problem: null, locks: { signInMethod: null, weakStorageNeverAllowed: false, syncInterval: null, updates: null }, connections: [] };

let known: PolicyStatus | null = null;

/**
 * Asks the core for the policy once (it does not change while the app runs). Settings' code waits for it as it loads
 * (shell/lazy-parts.ts), so the dialog opens with its locked settings already locked. Never rejects.
 */
export function loadPolicy(): Promise<void> {
  if (known || !window.budgetly) return Promise.resolve();
  return unwrap(budgetly().policy.status()).then(
    (status) => {
      known = status;
    },
    () => undefined,
  );
}

/** The machine-wide policy file as the core read it at start (it does not change while the app runs). */
export function usePolicy(): PolicyStatus {
  const [status, setStatus] = useState<PolicyStatus>(known ?? NONE);
  useEffect(() => {
    if (!window.budgetly || known) return;
    unwrap(budgetly().policy.status()).then(setStatus, () => undefined);
  }, []);
  return status;
}
