import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../electron/contract';

/** Settings → the firm's name printed on customer statements; saved when the field is left or Enter is pressed. */
export function FirmNameSetting({ settings, onChange }: { settings: Settings; onChange: (patch: Partial<Settings>) => void }) {
  const { t } = useTranslation('statements');
  const id = useId();
  const [text, setText] = useState(settings.firmName);
  // The saved value changed (here or elsewhere): the field shows it (adjusted during render, not in an effect).
  const [shown, setShown] = useState(settings.firmName);
  if (shown !== settings.firmName) {
    setShown(settings.firmName);
    setText(settings.firmName);
  }
  const commit = () => {
    const value = text.trim().slice(0, 200);
    if (value !== settings.firmName) onChange({ firmName: value });
  };
  return (
    <fieldset data-testid="settings-firm">
      <legend>{t('firmName')}</legend>
      <div className="field">
        <input
          id={`${id}-firm`}
          type="text"
          maxLength={200}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            }
          }}
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
