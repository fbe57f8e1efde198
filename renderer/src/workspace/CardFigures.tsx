import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/locale-context';
import { formatCount, formatMoney } from '../invoices/money';

interface Props {
  /** The card's heading (a currency code, or the corporate card's title). */
  title: ReactNode;
  /** The currency the amounts are in. */
  currency: string;
  count: number;
  total: number;
  balance: number;
  /** Prefix of the data-testids: `currency` → currency-count, currency-total, currency-balance. */
  testIdPrefix: 'currency' | 'corporate';
  /** Hover text on the total and balance (the corporate card lists the rates used). */
  amountTitle?: string;
}

/** A summary card's header (title and invoice count) and its total and balance. Memoized: its figures are plain values. */
export const CardFigures = memo(function CardFigures({ title, currency, count, total, balance, testIdPrefix, amountTitle }: Props) {
  const { t } = useTranslation('workspace');
  const locale = useLocale();
  return (
    <>
      <header>
        <h3>{title}</h3>
        <span className="hint" data-testid={`${testIdPrefix}-count`} data-value={count}>
          {t('invoiceCount', { count, n: formatCount(count, locale) })}
        </span>
      </header>
      <dl className="totals">
        <div>
          <dt>{t('cardTotal')}</dt>
          <dd data-testid={`${testIdPrefix}-total`} data-amount={total} title={amountTitle}>
            {formatMoney(total, currency, locale)}
          </dd>
        </div>
        <div>
          <dt>{t('cardBalance')}</dt>
          <dd data-testid={`${testIdPrefix}-balance`} data-amount={balance} title={amountTitle}>
            {formatMoney(balance, currency, locale)}
          </dd>
        </div>
      </dl>
    </>
  );
});
