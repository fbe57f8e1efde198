import { useId, useState } from 'react';
import { useSavedText } from './use-saved-text';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../electron/contract';
import { PDF_BUDGET_MAX_MB, pdfBudgetValid } from '../../../electron/contract/document-budget';

/**
 * Settings → Invoice PDFs: "Keep PDFs of open invoices offline" and the disk space kept PDFs may take (MB; 0 keeps none). Saved when the field is left or
 * Enter is pressed, only when it is a whole number within the bounds the core enforces; otherwise it says so.
 */
export function PdfBudgetSetting({ settings, onChange }: { settings: Settings; onChange: (patch: Partial<Settings>) => void }) {
  const { t } = useTranslation('settings');
  const id = useId();
  const [invalid, setInvalid] = useState(false);
  const { field } = useSavedText(
    String(settings.pdfBudgetMb),
    (text) => {
      const trimmed = text.trim();
      const mb = /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
      setInvalid(!pdfBudgetValid(mb));
      if (pdfBudgetValid(mb) && mb !== settings.pdfBudgetMb) onChange({ pdfBudgetMb: mb });
    },
    () => setInvalid(false),
  );
  const note = invalid ? t('pdfBudgetInvalid', { max: PDF_BUDGET_MAX_MB }) : settings.pdfBudgetMb === 0 ? t('pdfBudgetZero') : t('pdfBudgetHint');
  return (
    <fieldset data-testid="settings-pdf">
      <legend>{t('pdfLegend')}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.keepPdfsOffline}
          onChange={(e) => onChange({ keepPdfsOffline: e.target.checked })}
          aria-describedby={`${id}-keep-hint`}
          data-testid="settings-keep-pdfs"
        />
        {t('keepPdfsOffline')}
      </label>
      <p id={`${id}-keep-hint`} className="hint">
        {t('keepPdfsOfflineHint')}
      </p>
      <div className="field">
      <label htmlFor={`${id}-budget`}>{t('pdfBudgetLabel')}</label>
      <input
        id={`${id}-budget`}
        type="text"
        inputMode="numeric"
        {...field}
        aria-invalid={invalid}
        aria-describedby={`${id}-budget-note`}
        data-testid="settings-pdf-budget"
      />
      <p id={`${id}-budget-note`} className={invalid ? 'field-error' : 'hint'} role={invalid ? 'alert' : undefined} data-testid="settings-pdf-budget-note">
        {note}
      </p>
      </div>
    </fieldset>
  );
}
