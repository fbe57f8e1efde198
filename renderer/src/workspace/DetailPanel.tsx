import { useEffect, useState } from 'react';
import type { InvoiceDetail } from '../../../electron/contract';
import { budgetly } from '../bridge';
import { errorOf, unwrap } from '../api/result';
import { formatMoney } from '../invoices/money';
import { formatPlainDate } from '../invoices/plain-date';
import { formatInstant } from '../lib/relative-time';

interface Props {
  connectionId: string;
  invoiceId: string;
  locale: string | undefined;
  onClose: () => void;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function fieldValue(value: string | number | boolean | null, currency: string, name: string, locale?: string): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return /amount|total|balance|price|tax/i.test(name) ? formatMoney(value, currency, locale) : String(value);
  if (ISO_DATE.test(value)) return formatPlainDate(value, locale);
  if (ISO_INSTANT.test(value)) return formatInstant(value, locale) || value;
  return value;
}

/** Everything about one invoice: its fields, its lines, and a way to open it in Salesforce. */
export function DetailPanel({ connectionId, invoiceId, locale, onClose }: Props) {
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
  const invoice = detail?.invoice;

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
        <h2 id="detail-title">{invoice ? `Invoice ${invoice.number}` : 'Invoice'}</h2>
        <button type="button" onClick={onClose} aria-label="Close details (Escape)">
          ×
        </button>
      </header>
      {error && <p role="alert">{error}</p>}
      {!detail && !error && <p aria-busy="true">Loading…</p>}
      {detail && invoice && (
        <>
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
          <h3>Line items</h3>
          {detail.lines.length === 0 ? (
            <p className="hint">No line items.</p>
          ) : (
            <table className="lines" data-testid="detail-lines">
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col" className="num">
                    Qty
                  </th>
                  <th scope="col" className="num">
                    Unit price
                  </th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                </tr>
              </thead>
              <tbody>
                {detail.lines.map((line) => (
                  <tr key={line.id}>
                    <td>{line.name ?? line.description ?? '—'}</td>
                    <td className="num">{line.quantity ?? ''}</td>
                    <td className="num">{formatMoney(line.unitPrice, invoice.currency, locale)}</td>
                    <td className="num">{formatMoney(line.amount, invoice.currency, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>All fields</h3>
          <dl className="detail-fields" data-testid="detail-fields">
            {detail.fields.map((field) => (
              <div key={field.name}>
                <dt title={field.name}>{field.label}</dt>
                <dd>{fieldValue(field.value, invoice.currency, field.name, locale)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </aside>
  );
}
