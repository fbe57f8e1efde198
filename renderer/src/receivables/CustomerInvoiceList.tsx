import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/locale-context';
import { agingBucketOf, type AgingBasis, type AgingBucketKey } from '../invoices/aging';
import { formatCount, formatMoney } from '../invoices/money';
import { formatPlainDate } from '../invoices/plain-date';
import { daysOverdueAt, type PreparedInvoices } from '../invoices/prepared';
import { CustomerTable, SalesforceCell } from './CustomerTable';

interface Props {
  prepared: PreparedInvoices;
  indexes: Uint32Array;
  asOfDay: number;
  basis: AgingBasis;
  /** A bar of the customer's aging picked: only that currency's invoices in that bucket. */
  bucket: { currency: string; key: AgingBucketKey } | null;
  onShow: (id: string) => void;
  onOpenInSalesforce: (id: string) => void;
}

/** The customer's invoices: open ones first (oldest due first), then the others (newest first). */
export function CustomerInvoiceList({ prepared, indexes, asOfDay, basis, bucket, onShow, onOpenInSalesforce }: Props) {
  const { t } = useTranslation(['customer', 'columns']);
  const locale = useLocale();
  const shown = bucket
    ? Array.from(indexes).filter((i) => prepared.rows[i]!.currency === bucket.currency && agingBucketOf(prepared, i, asOfDay, basis) === bucket.key)
    : Array.from(indexes);
  const date = (iso: string | null) => (iso ? formatPlainDate(iso, locale) : '');
  return (
    <CustomerTable
      titleId="customer-invoices-title"
      title={t('invoicesHeading')}
      count={shown.length}
      empty={t('noInvoices')}
      testId="customer-invoices"
      head={
        <>
          <th scope="col">{t('columns:number')}</th>
          <th scope="col">{t('columns:invoiceDate')}</th>
          <th scope="col">{t('columns:dueDate')}</th>
          <th scope="col">{t('columns:status')}</th>
          <th scope="col" className="num">{t('columns:total')}</th>
          <th scope="col" className="num">{t('columns:balance')}</th>
          <th scope="col" className="num">{t('columns:daysOverdue')}</th>
        </>
      }
    >
      {shown.map((i) => {
        const row = prepared.rows[i]!;
        const days = daysOverdueAt(prepared, i, asOfDay);
        return (
          <tr key={row.id} data-testid="customer-invoice" data-invoice-id={row.id} data-balance={row.balance ?? ''}>
            <td>
              <button type="button" className="link" onClick={() => onShow(row.id)} title={t('showInvoice', { number: row.number })}>
                {row.number}
              </button>
            </td>
            <td>{date(row.invoiceDate)}</td>
            <td>{date(row.dueDate)}</td>
            <td>{row.status ?? ''}</td>
            <td className="num">{formatMoney(row.total, row.currency, locale)}</td>
            <td className="num">{formatMoney(row.balance, row.currency, locale)}</td>
            <td className="num">{days > 0 ? formatCount(days, locale) : ''}</td>
            <SalesforceCell onOpen={() => onOpenInSalesforce(row.id)} />
          </tr>
        );
      })}
    </CustomerTable>
  );
}
