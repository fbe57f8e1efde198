import { useTranslation } from 'react-i18next';
import type { CurrencyView } from './currency-view';

interface Props {
  /** The corporate currency (the workspace shows no control when the org has none). */
  corporate: string;
  view: CurrencyView;
  asOfLabel: string;
  onChange: (view: CurrencyView) => void;
}

/** "Show in": each invoice's own currency or the corporate one; and at which day's rate (invoice date or as-of date). */
export function CurrencyViewControl({ corporate, view, asOfLabel, onChange }: Props) {
  const { t } = useTranslation('currency');
  const corporateShown = view.showIn === 'corporate';
  return (
    <fieldset className="currency-view" aria-label={t('controlLabel')} data-testid="currency-view">
      <label>
        {t('showIn')}
        <select
          value={corporateShown ? 'corporate' : 'own'}
          onChange={(e) => onChange({ ...view, showIn: e.target.value === 'corporate' ? 'corporate' : 'own' })}
          data-testid="show-in"
        >
          <option value="own">{t('showInOwn')}</option>
          <option value="corporate">{t('showInCorporate', { currency: corporate })}</option>
        </select>
      </label>
      <label>
        {t('basis')}
        <select
          value={view.basis}
          disabled={!corporateShown}
          onChange={(e) => onChange({ ...view, basis: e.target.value === 'asOf' ? 'asOf' : 'invoiceDate' })}
          data-testid="conversion-basis"
        >
          <option value="invoiceDate">{t('basisInvoiceDate')}</option>
          <option value="asOf">{t('basisAsOf', { date: asOfLabel })}</option>
        </select>
      </label>
    </fieldset>
  );
}
