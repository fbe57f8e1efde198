import { useId } from 'react';
import { useSavedText } from './use-saved-text';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../electron/contract';

/** Settings → the firm's name printed on customer statements; saved when the field is left or Enter is pressed. */
export function FirmNameSetting({ settings, onChange }: { settings: Settings; onChange: (patch: Partial<Settings>) => void }) {
  const { t } = useTranslation('statements');
  const id = useId();
  const { field } = useSavedText(settings.firmName, (text) => {
    const value = text.trim().slice(0, 200);
    if (value !== settings.firmName) onChange({ firmName: value });
  });
  return (
    <fieldset data-testid="settings-firm">
      <legend>{t('firmName')}</legend>
      <div className="field">
        <input
          id={`${id}-firm`}
          type="text"
          maxLength={200}
          {...field}
          aria-label={t('firmName')}
          aria-describedby={`${id}-firm-hint`}
          data-testid="settings-firm-name"
        />
        <p id={`${id}-firm-hint`} className="hint">
          {t('firmNameHint')}
        </p>
      </div>
    </fieldset>
  );
}
