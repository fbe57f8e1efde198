import './receivables.css';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { DSO_PERIOD_DAYS } from '../../../electron/contract/collection-figures';
import { useLocale } from '../i18n/locale-context';
import { formatMoney } from '../invoices/money';
import type { CardCollection } from './card-collection';

interface Props {
  currency: string;
  figures: CardCollection | undefined;
  /** The as-of day, as the user reads it (the end of DSO's period). */
  asOfLabel: string;
}

const oneDecimal = new Map<string, Intl.NumberFormat>();
function days(value: number, locale: string): string {
  let format = oneDecimal.get(locale);
  if (!format) oneDecimal.set(locale, (format = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })));
  return format.format(value);
}

const sameFigures = (a: CardCollection | undefined, b: CardCollection | undefined) =>
  a === b || (!!a && !!b && a.dso === b.dso && a.averageDaysToPay === b.averageDaysToPay && a.receivables === b.receivables && a.sales === b.sales);

/** A currency card's DSO and average days to pay, each saying how it is computed when hovered. Memoized on its figures. */
export const CollectionLine = memo(function CollectionLine({ currency, figures, asOfLabel }: Props) {
  const { t } = useTranslation('receivables');
  const locale = useLocale();
  if (!figures) return null;
  const dsoHelp = t('dsoHelp', {
    days: DSO_PERIOD_DAYS, date: asOfLabel, receivables: formatMoney(figures.receivables, currency, locale), sales: formatMoney(figures.sales, currency, locale),
  });
  return (
    <dl className="collection-figures" data-testid="collection-figures">
      <div title={dsoHelp}>
        {/* The method in the visible label, not only on hover (issue 13: "say which, in the UI"). */}
        <dt data-testid="dso-label">{t('dso', { days: DSO_PERIOD_DAYS })}</dt>
        <dd data-testid="dso" data-value={figures.dso ?? ''} aria-description={dsoHelp}>
          {figures.dso === null ? '—' : days(figures.dso, locale)}
        </dd>
      </div>
      <div title={t('averageDaysToPayHelp')}>
        <dt>{t('averageDaysToPay')}</dt>
        <dd data-testid="average-days-to-pay" data-value={figures.averageDaysToPay ?? ''} aria-description={t('averageDaysToPayHelp')}>
          {figures.averageDaysToPay === null ? '—' : days(figures.averageDaysToPay, locale)}
        </dd>
      </div>
    </dl>
  );
}, (a, b) => a.currency === b.currency && a.asOfLabel === b.asOfLabel && sameFigures(a.figures, b.figures));
