import { useTranslation } from 'react-i18next';
import type { AgingBucketKey } from '../invoices/aging';
import { useLocale } from '../i18n/locale-context';
import { formatCount, formatMoney } from '../invoices/money';
import { AgingBars } from '../workspace/AgingBars';
import { rowSlots } from './corporate-figures';
import { slotsWords } from './rate-words';
import type { CorporateView } from './use-corporate-view';

interface Props {
  corporate: CorporateView;
  selected: AgingBucketKey | null;
  onPickBucket: (bucket: AgingBucketKey) => void;
}

/** Every invoice shown, converted into the corporate currency: count, total, balance and aging (each bar filters to its bucket). */
export function CorporateCard({ corporate, selected, onPickBucket }: Props) {
  const { t } = useTranslation(['currency', 'workspace']);
  const locale = useLocale();
  const { figures, aging, table, converted } = corporate;
  if (!figures || !aging || !table || !converted) return null;
  const { all } = figures;
  const rates = slotsWords(t, table, rowSlots(converted, figures.counted), locale);
  return (
    <section className="summary corporate-summary" aria-label={t('cardLabel', { currency: all.corporate })} data-testid="corporate-summary">
      <article className="currency-card corporate-card" data-testid="corporate-card" data-currency={all.corporate}>
        <header>
          <h3>{t('cardTitle', { currency: all.corporate })}</h3>
          <span className="hint" data-testid="corporate-count" data-value={all.count}>
            {t('workspace:invoiceCount', { count: all.count, n: formatCount(all.count, locale) })}
          </span>
        </header>
        <dl className="totals">
          <div>
            <dt>{t('workspace:cardTotal')}</dt>
            <dd data-testid="corporate-total" data-amount={all.total} title={rates}>
              {formatMoney(all.total, all.corporate, locale)}
            </dd>
          </div>
          <div>
            <dt>{t('workspace:cardBalance')}</dt>
            <dd data-testid="corporate-balance" data-amount={all.balance} title={rates}>
              {formatMoney(all.balance, all.corporate, locale)}
            </dd>
          </div>
        </dl>
        <AgingBars aging={{ currency: all.corporate, buckets: aging }} selected={selected} onPick={onPickBucket} />
      </article>
    </section>
  );
}
