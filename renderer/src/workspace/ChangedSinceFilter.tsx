import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../i18n/DateField';
import { useLocale } from '../i18n/locale-context';
import type { InvoiceFilters } from '../invoices/filters';
import { formatInstant } from '../lib/relative-time';

interface Props {
  filters: InvoiceFilters;
  /** When the user last left this workspace (null: never recorded): what the filter starts from. */
  lastVisit: string | null;
  onChange: (filters: InvoiceFilters) => void;
}

/** The local calendar day of an instant, as the date field holds it (YYYY-MM-DD). */
function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Midnight of a local calendar day, as an instant. */
function startOfDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d!).toISOString();
}

/**
 * "Changed since…": the invoices Salesforce modified since a moment — by default the user's last visit to this
 * workspace (to the minute), or the start of a day picked in the date field.
 */
export function ChangedSinceFilter({ filters, lastVisit, onChange }: Props) {
  const { t } = useTranslation('workspace');
  const locale = useLocale();
  const id = useId();
  const since = filters.changedSince;
  const fromLastVisit = since !== null && since === lastVisit;
  const today = startOfDay(localDay(new Date().toISOString()));
  return (
    <fieldset className="filter-group" data-testid="filter-changed-since">
      <legend>{t('changedSinceLegend')}</legend>
      <label>
        <input
          type="checkbox"
          checked={since !== null}
          onChange={(e) => onChange({ ...filters, changedSince: e.target.checked ? (lastVisit ?? today) : null })}
          data-testid="changed-since-toggle"
        />
        {t('changedSince')}
      </label>
      {since !== null && (
        <>
          <DateField id={id} label={t('changedSinceDay')} value={localDay(since)} onChange={(day) => onChange({ ...filters, changedSince: day ? startOfDay(day) : null })} testId="changed-since" />
          <span className="hint" data-testid="changed-since-hint" data-since={since}>
            {fromLastVisit ? t('changedSinceLastVisit', { when: formatInstant(since, locale) }) : t('changedSinceDayStart')}
          </span>
        </>
      )}
    </fieldset>
  );
}
