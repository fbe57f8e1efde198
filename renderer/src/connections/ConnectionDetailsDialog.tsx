import './edit-connection.css';
import { useEffect, useId, useRef, useState } from 'react';
import type { Connection, ConnectionDetails } from '../../../electron/contract';
import { errorOf, unwrap } from '../api/result';
import { budgetly } from '../bridge';
import { formatInstant } from '../lib/relative-time';
import { DETAILS_TEXT as T } from './connection-details-text';

interface Props {
  connection: Connection;
  locale: string | undefined;
  onClose: () => void;
}

/** Who, where, which API and object, how much of the org's API allowance is used, the last sync; and "Copy diagnostics". */
export function ConnectionDetailsDialog({ connection, locale, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [details, setDetails] = useState<ConnectionDetails | null>(null);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  // Read again when the connection changes (a sync landed, a reconnect).
  useEffect(() => {
    unwrap(budgetly().connections.details({ id: connection.id })).then(setDetails, (e: unknown) => setNote(errorOf(e).message));
  }, [connection]);

  async function copy() {
    if (!details) return;
    try {
      await navigator.clipboard.writeText(details.diagnostics);
      setNote(T.copied);
    } catch {
      setNote(T.copyFailed);
    }
  }

  const number = (n: number) => n.toLocaleString(locale);
  const usage = details?.apiUsage;
  const rows: [string, string][] = details
    ? [
        [T.rows.user, details.username ? (details.displayName ? `${details.displayName} (${details.username})` : details.username) : T.none],
        [T.rows.orgId, details.orgId ?? T.none],
        [T.rows.instance, details.instanceUrl ?? T.none],
        [T.rows.loginUrl, details.loginUrl],
        [T.rows.apiVersion, details.apiVersion ?? T.none],
        [T.rows.invoiceObject, details.invoiceObject ?? T.none],
        [T.rows.mapping, Object.entries(details.mapping).map(([key, field]) => `${key} → ${field}`).join(', ') || T.none],
        [
          T.rows.apiUsage,
          usage
            ? T.apiUsage(number(usage.used), number(usage.max), new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(usage.used / usage.max))
            : T.none,
        ],
        [
          T.rows.lastSync,
          details.lastSyncAt
            ? `${formatInstant(details.lastSyncAt, locale)}${details.lastSyncDurationMs !== null ? ` · ${T.duration((details.lastSyncDurationMs / 1000).toLocaleString(locale, { maximumFractionDigits: 1 }))}` : ''}`
            : T.notSynced,
        ],
        [T.rows.lastError, details.lastError?.message ?? T.none],
      ]
    : [];

  return (
    <dialog ref={ref} className="connection-details" aria-labelledby={titleId} onClose={onClose} data-testid="connection-details">
      <header className="dialog-header">
        <h2 id={titleId}>{T.title(connection.label)}</h2>
        <button type="button" onClick={() => ref.current?.close()} aria-label={T.close}>
          ×
        </button>
      </header>
      {!details && !note && <p aria-busy="true">{T.loading}</p>}
      {details?.fromPolicy && <p className="hint">{T.policy}</p>}
      {details && (
        <dl className="details-list" data-testid="connection-details-list">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {usage?.low && (
        <p className="warning-text" data-testid="api-low">
          {T.apiLow}
        </p>
      )}
      {note && (
        <p className="hint" role="status">
          {note}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={() => void copy()} disabled={!details} data-testid="copy-diagnostics">
          {T.copy}
        </button>
        <button type="button" className="primary" onClick={() => ref.current?.close()}>
          {T.close}
        </button>
      </div>
    </dialog>
  );
}
