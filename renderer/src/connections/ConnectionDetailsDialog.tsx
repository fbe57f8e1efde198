import './edit-connection.css';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection, ConnectionDetails } from '../../../electron/contract';
import { errorOf, unwrap } from '../api/result';
import { budgetly } from '../bridge';
import { useLocale } from '../i18n/locale-context';
import { formatInstant } from '../lib/relative-time';

interface Props {
  connection: Connection;
  onClose: () => void;
}

/** Who, where, which API and object, how much of the org's API allowance is used, the last sync; and "Copy diagnostics". */
export function ConnectionDetailsDialog({ connection, onClose }: Props) {
  const { t } = useTranslation('connectionDetails');
  const locale = useLocale();
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
      setNote(t('copied'));
    } catch {
      setNote(t('copyFailed'));
    }
  }

  const number = (n: number) => n.toLocaleString(locale);
  const none = t('none');
  const usage = details?.apiUsage;
  const rows: [string, string][] = details
    ? [
        [t('rowUser'), details.username ? (details.displayName ? `${details.displayName} (${details.username})` : details.username) : none],
        [t('rowOrgId'), details.orgId ?? none],
        [t('rowInstance'), details.instanceUrl ?? none],
        [t('rowLoginUrl'), details.loginUrl],
        [t('rowApiVersion'), details.apiVersion ?? none],
        [t('rowInvoiceObject'), details.invoiceObject ?? none],
        [t('rowMapping'), Object.entries(details.mapping).map(([key, field]) => `${key} → ${field}`).join(', ') || none],
        [
          t('rowApiUsage'),
          usage
            ? t('apiUsage', {
                used: number(usage.used),
                max: number(usage.max),
                percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(usage.used / usage.max),
              })
            : none,
        ],
        [
          t('rowLastSync'),
          details.lastSyncAt
            ? `${formatInstant(details.lastSyncAt, locale)}${details.lastSyncDurationMs !== null ? ` · ${t('duration', { seconds: (details.lastSyncDurationMs / 1000).toLocaleString(locale, { maximumFractionDigits: 1 }) })}` : ''}`
            : t('notSynced'),
        ],
        [t('rowLastError'), details.lastError?.message ?? none],
      ]
    : [];

  return (
    <dialog ref={ref} className="connection-details" aria-labelledby={titleId} onClose={onClose} data-testid="connection-details">
      <header className="dialog-header">
        <h2 id={titleId}>{t('title', { label: connection.label })}</h2>
        <button type="button" onClick={() => ref.current?.close()} aria-label={t('close')}>
          ×
        </button>
      </header>
      {!details && !note && <p aria-busy="true">{t('loading')}</p>}
      {details?.fromPolicy && <p className="hint">{t('fromPolicy')}</p>}
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
          {t('apiLow')}
        </p>
      )}
      {note && (
        <p className="hint" role="status">
          {note}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={() => void copy()} disabled={!details} data-testid="copy-diagnostics">
          {t('copy')}
        </button>
        <button type="button" className="primary" onClick={() => ref.current?.close()}>
          {t('close')}
        </button>
      </div>
    </dialog>
  );
}
