import { useCallback, useEffect, useState } from 'react';
import type { ErrorCode, InvoiceDocument } from '../../../electron/contract';
import { errorOf, unwrap } from '../api/result';
import { budgetly } from '../bridge';

export type DocumentLoad =
  | { kind: 'loading' }
  | { kind: 'failed'; code: ErrorCode; message: string }
  | { kind: 'ready'; document: InvoiceDocument };

/**
 * The invoice's PDF bytes from the main process (`invoices.document`: downloaded, checked and kept there; the kept
 * copy when Salesforce is out of reach). The renderer never fetches a URL for it. `retry` asks again.
 */
export function useInvoiceDocument(connectionId: string, invoiceId: string): { load: DocumentLoad; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ key: string; load: DocumentLoad }>({ key: '', load: { kind: 'loading' } });
  const key = `${connectionId}\n${invoiceId}\n${attempt}`;

  useEffect(() => {
    let live = true;
    unwrap(budgetly().invoices.document({ connectionId, id: invoiceId })).then(
      (document) => live && setState({ key, load: { kind: 'ready', document } }),
      (e: unknown) => {
        const error = errorOf(e);
        if (live) setState({ key, load: { kind: 'failed', code: error.code, message: error.message } });
      },
    );
    return () => {
      live = false;
    };
  }, [connectionId, invoiceId, key]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { load: state.key === key ? state.load : { kind: 'loading' }, retry };
}

/** Salesforce could not be asked and no copy is kept on this computer (the core's out-of-reach codes). */
export function isOutOfReach(code: ErrorCode): boolean {
  return code === 'NETWORK' || code === 'TIMEOUT' || code === 'NOT_CONNECTED' || code === 'RECONNECT_REQUIRED';
}
