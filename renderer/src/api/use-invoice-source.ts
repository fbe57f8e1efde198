import { useCallback, useEffect, useState } from 'react';
import type { FieldMapping, InvoiceObject, Mapping } from '../../../electron/contract';
import type { StatusKindMap } from '../../../electron/contract/invoice-status';
import { budgetly } from '../bridge';
import { errorOf, unwrap, type BridgeError } from './result';

export interface InvoiceSource {
  /** The org's invoice objects, best first; null while loading or when the org could not be asked. */
  objects: InvoiceObject[] | null;
  /** The saved mapping (object and fields), null before the first choice or sync. */
  mapping: Mapping | null;
  loading: boolean;
  /** Why the objects could not be listed (offline, signed out …). */
  error: BridgeError | null;
  saving: boolean;
  saveError: BridgeError | null;
  reload: () => void;
  /** Saves `object` (with `fields`, or the proposed mapping, and what its status values mean) as the connection's invoice source. */
  save: (object: string, fields?: FieldMapping, statusKinds?: StatusKindMap) => Promise<Mapping | null>;
}

/** Discovery and field mapping of one connection (`invoices.objects`, `invoices.mapping.*`). */
export function useInvoiceSource(connectionId: string, active = true): InvoiceSource {
  const [objects, setObjects] = useState<InvoiceObject[] | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<BridgeError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<BridgeError | null>(null);

  const reload = useCallback(() => {
    let live = true;
    setLoading(true);
    setError(null);
    const api = budgetly().invoices;
    Promise.all([
      unwrap(api.objects({ connectionId })).then(setObjects, (e: unknown) => {
        setObjects(null);
        setError(errorOf(e));
      }),
      unwrap(api.mapping.get({ connectionId })).then(setMapping, () => setMapping(null)),
    ]).finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [connectionId]);

  // eslint-disable-next-line react-hooks/set-state-in-effect -- opening the dialog (active) starts a load from the main process; "loading" must show at once, not after a stale render
  useEffect(() => (active ? reload() : undefined), [active, reload]);

  const save = useCallback(
    async (object: string, fields?: FieldMapping, statusKinds?: StatusKindMap) => {
      setSaving(true);
      setSaveError(null);
      try {
        const saved = await unwrap(budgetly().invoices.mapping.set({ connectionId, object, ...(fields ? { fields } : {}), ...(statusKinds ? { statusKinds } : {}) }));
        setMapping(saved);
        return saved;
      } catch (e) {
        setSaveError(errorOf(e));
        return null;
      } finally {
        setSaving(false);
      }
    },
    [connectionId],
  );

  return { objects, mapping, loading, error, saving, saveError, reload, save };
}
