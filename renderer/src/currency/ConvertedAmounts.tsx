import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/locale-context';
import { formatMoney } from '../invoices/money';
import type { ConvertedTotals } from '../../../electron/contract/conversion/convert';
import type { RateTable } from '../../../electron/contract/conversion/rate-table';
import { slotsWords } from './rate-words';

interface Props {
  totals: ConvertedTotals | undefined;
  table: RateTable;
  slots: ReadonlySet<number>;
}

/** Under a currency's card (the original amounts): its total and balance in the corporate currency, with the rate(s) used. */
export function ConvertedAmounts({ totals, table, slots }: Props) {
  const { t } = useTranslation('currency');
  const locale = useLocale();
  if (!totals) return null;
  const rates = slotsWords(t, table, slots, locale);
  return (
    <p className="converted-amounts hint" title={rates} data-testid="converted-amounts" data-total={totals.total} data-balance={totals.balance} data-missing={totals.missing}>
      {t('converted', { currency: totals.corporate })}: <span data-testid="converted-total">{formatMoney(totals.total, totals.corporate, locale)}</span>
      {' · '}
      <span data-testid="converted-balance">{formatMoney(totals.balance, totals.corporate, locale)}</span>
    </p>
  );
}
