import type { Settings, SyncInterval } from '../../../electron/contract';

const choices: { value: SyncInterval; label: string }[] = [
  { value: 5, label: 'Every 5 minutes' },
  { value: 15, label: 'Every 15 minutes' },
  { value: 60, label: 'Every hour' },
  { value: 'off', label: 'Off (on launch, reconnect and back online only)' },
];

/** How often Budgetly fetches changes from Salesforce in the background. */
export function SyncIntervalSetting({ settings, onChange }: { settings: Settings; onChange: (patch: Partial<Settings>) => void }) {
  return (
    <fieldset data-testid="settings-sync-interval">
      <legend>Keep invoices up to date</legend>
      {choices.map((choice) => (
        <label className="choice" key={String(choice.value)}>
          <input type="radio" name="sync-interval" value={String(choice.value)} checked={settings.syncInterval === choice.value} onChange={() => onChange({ syncInterval: choice.value })} />
          <span>{choice.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
