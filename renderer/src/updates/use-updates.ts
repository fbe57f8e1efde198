import { useCallback, useEffect, useState } from 'react';
import type { Result, UpdateStatus } from '../../../electron/contract';
import { unwrap } from '../api/result';
import { useBridgeEvent } from '../api/use-event';
import { budgetly } from '../bridge';

type Action = 'check' | 'download' | 'restart' | 'openDownloadPage';

/** Where the app's own update stands (kept current by `updates.changed`), and the actions the user can take. */
export function useUpdates(): { status: UpdateStatus | null; error: string | null; run: (action: Action) => void } {
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!window.budgetly) return;
    unwrap(budgetly().updates.status()).then(setStatus, () => undefined);
  }, []);
  useBridgeEvent('updates.changed', setStatus);
  const run = useCallback((action: Action) => {
    setError(null);
    const call: Promise<Result<UpdateStatus | null>> = budgetly().updates[action]();
    unwrap(call).then(
      (value) => {
        if (value) setStatus(value);
      },
      (failure: Error) => setError(failure.message),
    );
  }, []);
  return { status, error, run };
}
