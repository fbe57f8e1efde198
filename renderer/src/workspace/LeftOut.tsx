import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/locale-context';
import { formatCount, formatMoney } from '../invoices/money';
import type { CurrencyTotals } from '../invoices/totals';

/** What of the invoices shown is not in the card's receivables: drafts (unless included) and cancelled invoices, with their balance. */
export const LeftOut = memo(function LeftOut({ drafts, cancelled, currency }: CurrencyTotals['excluded'] & { currency: string }) {
  const { t } = useTranslation('workspace');
  const locale = useLocale();
  if (drafts.count === 0 && cancelled.count === 0) return null;
  const words = (count: number, balance: number) => ({ count, n: formatCount(count, locale), amount: formatMoney(balance, currency, locale) });
  return (
    <ul className="left-out" data-testid="left-out">
      {drafts.count > 0 && (
        <li data-testid="left-out-drafts" data-count={drafts.count} data-amount={drafts.balance}>
          {t('leftOutDrafts', words(drafts.count, drafts.balance))}
        </li>
      )}
      {cancelled.count > 0 && (
        <li data-testid="left-out-cancelled" data-count={cancelled.count} data-amount={cancelled.balance}>
          {t('leftOutCancelled', words(cancelled.count, cancelled.balance))}
        </li>
      )}
    </ul>
  );
}, (a, b) => a.currency === b.currency && sameFigure(a.drafts, b.drafts) && sameFigure(a.cancelled, b.cancelled));

const sameFigure = (a: { count: number; balance: number }, b: { count: number; balance: number }) => a.count === b.count && a.balance === b.balance;
