import { useEffect, useState } from 'react';
import type { InvoiceDetail, InvoiceRow } from '../../../electron/contract';
import { budgetly } from '../bridge';
import { errorOf, unwrap } from '../api/result';
import { formatMoney } from '../invoices/money';
import { formatPlainDate } from '../invoices/plain-date';
import { formatInstant } from '../lib/relative-time';
import { InvoiceLines } from './InvoiceLines';
import { ReceivablesTimeline } from '../receivables/ReceivablesTimeline';

interface Props {
  connectionId: string;
  /** The invoice as last synced: shown at once, and on its own when Salesforce cannot be reached. */
  cached: InvoiceRow;
  locale: string | undefined;
  onClose: () => void;
}

type Field = InvoiceDetail['fields'][number];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function fieldValue(value: Field['value'], currency: string, name: string, locale?: string): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return /amount|total|balance|price|tax/i.test(name) ? formatMoney(value, currency, locale) : String(value);
  if (ISO_DATE.test(value)) return formatPlainDate(value, locale);
  if (ISO_INSTANT.test(value)) return formatInstant(value, locale) || value;
  return value;
}

function cachedFields(row: InvoiceRow): Field[] {
  return [
    { name: 'number', label: 'Invoice number', value: row.number },
    { name: 'invoiceDate', label: 'Invoice date', value: row.invoiceDate },
    { name: 'dueDate', label: 'Due date', value: row.dueDate },
    { name: 'status', label: 'Status', value: row.status },
    { name: 'currency', label: 'Currency', value: row.currency },
  ];
}

/** Everything about one invoice: its fields, its lines, and a way to open it in Salesforce. */
export function DetailPanel({ connectionId, cached, locale, onClose }: Props) {
  const invoiceId = cached.id;
  const [state, setState] = useState<{ id: string; detail: InvoiceDetail | null; error: string | null }>({ id: invoiceId, detail: null, error: null });
  const [openError, setOpenError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    unwrap(budgetly().invoices.get({ connectionId, id: invoiceId })).then(
      (detail) => live && setState({ id: invoiceId, detail, error: null }),
      (e: unknown) => live && setState({ id: invoiceId, detail: null, error: errorOf(e).message }),
    );
    return () => {
      live = false;
    };
  }, [connectionId, invoiceId]);

  const detail = state.id === invoiceId ? state.detail : null;
  const error = state.id === invoiceId ? state.error : null;
  const invoice = detail?.invoice ?? cached;

  async function openInSalesforce() {
    setOpenError(null);
    try {
      await unwrap(budgetly().invoices.openInSalesforce({ connectionId, id: invoiceId }));
    } catch (e) {
      setOpenError(errorOf(e).message);
    }
  }

  return (
    <aside className="detail" aria-labelledby="detail-title" data-testid="detail-panel">
      <header className="detail-header">
        <h2 id="detail-title">Invoice {invoice.number}</h2>
        <button type="button" onClick={onClose} aria-label="Close details (Escape)">
          ×
        </button>
      </header>
      <p className="detail-customer">{invoice.customer ?? 'No customer'}</p>
      <dl className="detail-amounts">
        <div>
          <dt>Total</dt>
          <dd>{formatMoney(invoice.total, invoice.currency, locale)}</dd>
        </div>
        <div>
          <dt>Balance</dt>
          <dd data-testid="detail-balance">{formatMoney(invoice.balance, invoice.currency, locale)}</dd>
        </div>
      </dl>
      <button type="button" className="primary" onClick={() => void openInSalesforce()} data-testid="open-in-salesforce">
        Open in Salesforce
      </button>
      {openError && <p role="alert">{openError}</p>}
      <ReceivablesTimeline connectionId={connectionId} invoiceId={invoiceId} version={cached.lastModified ?? ''} locale={locale} />
      {error && (
        <p className="notice notice-info" role="status" data-testid="detail-cached-only">
          Showing the copy from your last sync. Line items and the other fields need Salesforce: {error}
        </p>
      )}
      {!detail && !error && <p aria-busy="true">Loading line items…</p>}
      {detail && (
        <>
          <h3>Line items</h3>
          <InvoiceLines lines={detail.lines} currency={invoice.currency} locale={locale} />
        </>
      )}
      <h3>{detail ? 'All fields' : 'Fields'}</h3>
      <dl className="detail-fields" data-testid="detail-fields">
        {(detail?.fields ?? cachedFields(invoice)).map((field) => (
          <div key={field.name}>
            <dt title={field.name}>{field.label}</dt>
            <dd>{fieldValue(field.value, invoice.currency, field.name, locale)}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
