import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceDetail, InvoiceRow } from '../../../electron/contract';
import { DetailFields } from './DetailFields';
import { budgetly } from '../bridge';
import { errorOf, unwrap } from '../api/result';
import { useLocale } from '../i18n/locale-context';
import { formatMoney } from '../invoices/money';
import { formatInstant } from '../lib/relative-time';
import { DetailStanding, type Standing } from './DetailStanding';
import { InvoiceLines } from './InvoiceLines';
import { ReceivablesTimeline } from '../receivables/ReceivablesTimeline';
import { CustomerName } from '../receivables/CustomerName';
import { InvoicePdfButton } from '../documents/InvoicePdfButton';

interface Props {
  connectionId: string;
  /** The invoice as last synced: shown at once, and on its own when Salesforce cannot be reached. */
  cached: InvoiceRow;
  onClose: () => void;
  /** In the corporate-currency view: the invoice converted, and at which rate (a line under its amounts). */
  conversion?: ReactNode;
  /** Days overdue and aging bucket as of the aging date (as the grid counts them). */
  standing?: Standing;
  /** Opens the customer view of the invoice's customer (issue 13). */
  /** `account`: the invoice's account id (customerId) when the copy has it: the customer view is that account's. */
  onOpenCustomer?: (customer: string, account?: string) => void;
}

/** Everything about one invoice: its fields, its lines, and a way to open it in Salesforce. */
export function DetailPanel({ connectionId, cached, onClose, conversion, standing, onOpenCustomer }: Props) {
  const { t } = useTranslation(['invoiceDetail', 'columns']);
  const locale = useLocale();
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
        <h2 id="detail-title">{t('title', { number: invoice.number })}</h2>
        <button type="button" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </header>
      {/* The account's name (the customer as the grid shows it), never its id; the full name on hover. */}
      <p className="detail-customer" title={invoice.customer ?? undefined}>
        {invoice.customer && onOpenCustomer ? <CustomerName name={invoice.customer} account={cached.customerId} onOpen={onOpenCustomer} /> : (invoice.customer ?? t('noCustomer'))}
      </p>
      {detail?.terms && (
        <p className="detail-terms" data-testid="detail-terms">
          {t('paymentTerms', { terms: detail.terms })}
        </p>
      )}
      {standing && <DetailStanding standing={standing} />}
      <dl className="detail-amounts">
        <div>
          <dt>{t('columns:total')}</dt>
          <dd>{formatMoney(invoice.total, invoice.currency, locale)}</dd>
        </div>
        <div>
          <dt>{t('columns:balance')}</dt>
          <dd data-testid="detail-balance">{formatMoney(invoice.balance, invoice.currency, locale)}</dd>
        </div>
      </dl>
      {conversion}
      <button type="button" className="primary" onClick={() => void openInSalesforce()} data-testid="open-in-salesforce">
        {t('openInSalesforce')}
      </button>
      <InvoicePdfButton connectionId={connectionId} invoice={{ id: invoiceId, number: invoice.number }} />
      {openError && <p role="alert">{openError}</p>}
      <ReceivablesTimeline connectionId={connectionId} invoiceId={invoiceId} version={cached.lastModified ?? ''} />
      {detail?.keptAt && (
        <p className="notice notice-info" role="status" data-testid="detail-kept">
          {t('keptCopy', { date: formatInstant(detail.keptAt, locale) })}
        </p>
      )}
      {detail?.warnings?.map((warning) => (
        <p key={warning} className="notice notice-info" role="note" data-testid="detail-record-warning">
          {warning}
        </p>
      ))}
      {error && (
        <p className="notice notice-info" role="status" data-testid="detail-cached-only">
          {t('cachedOnly', { reason: error })}
        </p>
      )}
      {!detail && !error && <p aria-busy="true">{t('loadingLines')}</p>}
      {detail && (
        <>
          <h3>{t('lineItems')}</h3>
          <InvoiceLines lines={detail.lines} currency={invoice.currency} />
        </>
      )}
      <DetailFields detail={detail} invoice={invoice} />
    </aside>
  );
}
