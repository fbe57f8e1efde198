import { useTranslation } from 'react-i18next';
import type { InvoiceDetail } from '../../../electron/contract';
import { useLocale } from '../i18n/locale-context';
import { formatMoney } from '../invoices/money';

/** The invoice's line items, amounts in the invoice's currency. */
export function InvoiceLines({ lines, currency }: { lines: InvoiceDetail['lines']; currency: string }) {
  const { t } = useTranslation('invoiceDetail');
  const locale = useLocale();
  if (lines.length === 0) return <p className="hint">{t('noLines')}</p>;
  return (
    <table className="lines" data-testid="detail-lines">
      <thead>
        <tr>
          <th scope="col">{t('item')}</th>
          <th scope="col" className="num">
            {t('quantity')}
          </th>
          <th scope="col" className="num">
            {t('unitPrice')}
          </th>
          <th scope="col" className="num">
            {t('amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.id}>
            <td>{line.name ?? line.description ?? '—'}</td>
            <td className="num">{line.quantity === null ? '' : line.quantity.toLocaleString(locale)}</td>
            <td className="num">{formatMoney(line.unitPrice, currency, locale)}</td>
            <td className="num">{formatMoney(line.amount, currency, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
