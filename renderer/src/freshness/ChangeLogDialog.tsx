import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeLogEntry, InvoiceFieldKey, SyncChangeLog } from '../../../electron/contract';
import { errorOf, unwrap } from '../api/result';
import { useBridgeEvent } from '../api/use-event';
import { budgetly } from '../bridge';
import { useLocale } from '../i18n/locale-context';
import { formatMoney } from '../invoices/money';
import { formatInstant } from '../lib/relative-time';
import { changeSummary } from './freshness-text';

type Kind = 'added' | 'changed' | 'deleted';
const KINDS: readonly Kind[] = ['added', 'changed', 'deleted'];

/** A section of one sync: the invoices of one kind, and how many more the log did not keep. */
function Entries({ kind, entries, count }: { kind: Kind; entries: ChangeLogEntry[]; count: number }) {
  const { t } = useTranslation(['changeLog', 'columns']);
  const locale = useLocale();
  if (count === 0) return null;
  const heading = { added: t('added'), changed: t('changed'), deleted: t('deleted') }[kind];
  const fieldName = (key: InvoiceFieldKey) =>
    ({
      number: t('columns:number'), customer: t('columns:customer'), invoiceDate: t('columns:invoiceDate'), dueDate: t('columns:dueDate'),
      status: t('columns:status'), total: t('columns:total'), balance: t('columns:balance'), currency: t('columns:currency'), lastModified: t('columns:lastModified'),
    })[key];
  return (
    <section className="change-log-kind" data-kind={kind}>
      <h4>{heading}</h4>
      <table className="lines">
        <thead>
          <tr>
            <th>{t('columns:number')}</th>
            <th>{t('columns:customer')}</th>
            <th className="num">{t('columns:total')}</th>
            <th className="num">{t('columns:balance')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-testid="change-log-entry" data-kind={kind} data-id={entry.id}>
              <td>{entry.number}</td>
              <td>
                {entry.customer ?? ''}
                {entry.fields && entry.fields.length > 0 && <div className="hint">{t('changedFields', { fields: entry.fields.map(fieldName).join(', ') })}</div>}
              </td>
              <td className="num">{formatMoney(entry.total, entry.currency, locale)}</td>
              <td className="num">{formatMoney(entry.balance, entry.currency, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {count > entries.length && <p className="hint">{t('more', { count: count - entries.length })}</p>}
    </section>
  );
}

/** "What changed": each sync of this session (newest first) with the invoices it added, changed and deleted. */
export function ChangeLogDialog({ connectionId, onClose }: { connectionId: string; onClose: () => void }) {
  const { t } = useTranslation('changeLog');
  const { t: tf } = useTranslation('freshness');
  const locale = useLocale();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [logs, setLogs] = useState<SyncChangeLog[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  useEffect(() => {
    unwrap(budgetly().invoices.changeLog({ connectionId })).then(setLogs, (e: unknown) => setError(errorOf(e).message));
  }, [connectionId, version]);
  // A sync that lands while the log is open appears in it.
  useBridgeEvent('invoices.changed', (payload) => {
    if (payload.connectionId === connectionId) setVersion((v) => v + 1);
  });

  return (
    <dialog ref={ref} className="change-log" aria-labelledby={titleId} onClose={onClose} data-testid="change-log">
      <header className="dialog-header">
        <h2 id={titleId}>{t('title')}</h2>
        <button type="button" onClick={() => ref.current?.close()} aria-label={t('close')}>
          ×
        </button>
      </header>
      {error && <p role="alert">{error}</p>}
      {logs?.length === 0 && <p className="hint">{t('none')}</p>}
      {logs?.map((log) => (
        <section key={log.syncedAt} className="change-log-sync" data-testid="change-log-sync" data-added={log.added} data-changed={log.changed} data-deleted={log.deleted} data-first={log.first}>
          <h3>{t('syncAt', { when: formatInstant(log.syncedAt, locale), summary: changeSummary(tf, log, locale) })}</h3>
          {/* A first sync loaded every invoice: its heading says how many, with no list of "new" ones. */}
          {!log.first && KINDS.map((kind) => <Entries key={kind} kind={kind} entries={log.entries[kind]} count={log[kind]} />)}
        </section>
      ))}
      <p className="hint">{t('keptInMemory')}</p>
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => ref.current?.close()}>
          {t('close')}
        </button>
      </div>
    </dialog>
  );
}
