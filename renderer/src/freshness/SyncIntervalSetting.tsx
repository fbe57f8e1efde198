import { useTranslation } from 'react-i18next';
import type { PolicyLocks, Settings, SyncInterval } from '../../../electron/contract';
import { intervalWithinBounds } from '../../../electron/contract/sync-interval-bounds';

/** How often Budgetly fetches changes from Salesforce in the background (choices outside the policy's bounds are disabled, and say why). */
export function SyncIntervalSetting({
  settings,
  onChange,
  bounds = null,
  boundsHint,
}: {
  settings: Settings;
  onChange: (patch: Partial<Settings>) => void;
  bounds?: PolicyLocks['syncInterval'];
  boundsHint?: string;
}) {
  const { t } = useTranslation('freshness');
  const choices: { value: SyncInterval; label: string }[] = [
    { value: 5, label: t('interval5') },
    { value: 15, label: t('interval15') },
    { value: 60, label: t('interval60') },
    { value: 'off', label: t('intervalOff') },
  ];
  return (
    <fieldset data-testid="settings-sync-interval">
      <legend>{t('intervalLegend')}</legend>
      {choices.map((choice) => (
        <label className="choice" key={String(choice.value)}>
          <input type="radio" name="sync-interval" value={String(choice.value)} checked={settings.syncInterval === choice.value}
            disabled={!intervalWithinBounds(choice.value, bounds)}
            onChange={() => onChange({ syncInterval: choice.value })} />
          <span>{choice.label}</span>
        </label>
      ))}
      {bounds && boundsHint && <p className="hint">{boundsHint}</p>}
    </fieldset>
  );
}
