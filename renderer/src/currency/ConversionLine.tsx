import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/locale-context';
import { formatMoney } from '../invoices/money';
import { slotWords } from './rate-words';
import type { CorporateView } from './use-corporate-view';

/** The detail panel's line in the corporate-currency view: the invoice's total and balance converted, and the rate and period used. */
export function ConversionLine({ corporate, index }: { corporate: CorporateView; index: number }) {
  const { t } = useTranslation(['currency', 'columns']);
  const locale = useLocale();
  const { converted, table } = corporate;
  if (!converted || !table || index < 0) return null;
  const slot = converted.rate[index]!;
  const scale = 10 ** converted.decimals;
  const amount = (minor: number) => (Number.isNaN(minor) ? '—' : formatMoney(minor / scale, converted.corporate, locale));
  return (
    <div className="conversion-line" data-testid="detail-conversion">
      {slot >= 0 && (
        <p>
          {t('converted', { currency: converted.corporate })}: {t('columns:total')} {amount(converted.total[index]!)} · {t('columns:balance')}{' '}
          <span data-testid="detail-converted-balance">{amount(converted.balance[index]!)}</span>
        </p>
      )}
      <p className="hint" data-testid="detail-rate">
        {slotWords(t, table, slot, locale)}
      </p>
    </div>
  );
}
