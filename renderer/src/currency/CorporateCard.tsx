import { useTranslation } from 'react-i18next';
import type { AgingBucketKey } from '../invoices/aging';
import { useLocale } from '../i18n/locale-context';
import { AgingBars } from '../workspace/AgingBars';
import { CardFigures } from '../workspace/CardFigures';
import { slotsWords } from './rate-words';
import type { CorporateFigures, CorporateView } from './use-corporate-view';

interface Props extends CorporateFigures {
  table: CorporateView['table'];
  selected: AgingBucketKey | null;
  onPickBucket: (bucket: AgingBucketKey) => void;
  /** Its figures are still those of the rows shown before the grid's (they follow in the next frame: aria-busy). */
  busy?: boolean;
}

/** Every invoice shown, converted into the corporate currency: count, total, balance and aging (each bar filters to its bucket). */
export function CorporateCard({ table, figures, aging, selected, onPickBucket, busy = false }: Props) {
  const { t } = useTranslation('currency');
  const locale = useLocale();
  if (!figures || !aging || !table) return null;
  const { all } = figures;
  const rates = slotsWords(t, table, figures.slots, locale);
  return (
    <section className="summary corporate-summary" aria-label={t('cardLabel', { currency: all.corporate })} data-testid="corporate-summary" aria-busy={busy || undefined}>
      <article className="currency-card corporate-card" data-testid="corporate-card" data-currency={all.corporate}>
        <CardFigures
          title={t('cardTitle', { currency: all.corporate })}
          currency={all.corporate}
          count={all.count}
          total={all.total}
          balance={all.balance}
          testIdPrefix="corporate"
          amountTitle={rates}
        />
        <AgingBars aging={{ currency: all.corporate, buckets: aging }} selected={selected} onPick={(_currency, bucket) => onPickBucket(bucket)} />
      </article>
    </section>
  );
}
