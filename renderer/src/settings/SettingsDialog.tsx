import { useEffect, useId, useRef } from 'react';
import type { SecretProtection, Settings } from '../../../electron/contract';
import { SyncIntervalSetting } from '../freshness/SyncIntervalSetting';
import { UpdateSetting } from '../updates/UpdateSetting';
import { PolicyNotice } from './PolicyNotice';
import { policyText } from './policy-text';
import { usePolicy } from './use-policy';

interface Props {
  open: boolean;
  settings: Settings;
  secretProtection: SecretProtection | null;
  onChange: (patch: Partial<Settings>) => void;
  onClose: () => void;
  /** Opens the invoice source of the connection on screen (absent when none is). */
  onOpenInvoiceSource?: () => void;
}

function Choice<T extends string>({
  name,
  value,
  current,
  label,
  hint,
  disabled,
  onPick,
}: {
  name: string;
  value: T;
  current: T;
  label: string;
  hint?: string;
  disabled?: boolean;
  onPick: (v: T) => void;
}) {
  return (
    <label className="choice">
      <input type="radio" name={name} value={value} checked={current === value} disabled={disabled} onChange={() => onPick(value)} />
      <span>
        {label}
        {hint && <span className="hint"> {hint}</span>}
      </span>
    </label>
  );
}

/** Sign-in method, aging basis and date, weaker storage (with its warning), theme. Saved as they change. */
export function SettingsDialog({ open, settings, secretProtection, onChange, onClose, onOpenInvoiceSource }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const weakAvailable = secretProtection !== null && secretProtection !== 'os';
  // Locked settings are shown locked here; the core refuses to change them whoever asks.
  const policy = usePolicy();
  const { locks } = policy;

  return (
    <dialog ref={ref} className="settings" aria-labelledby={`${id}-title`} onClose={onClose} data-testid="settings-dialog">
      <header className="dialog-header">
        <h2 id={`${id}-title`}>Settings</h2>
        <button type="button" onClick={onClose} aria-label="Close settings">
          ×
        </button>
      </header>
      <PolicyNotice policy={policy} />
      <fieldset data-testid="settings-sign-in">
        <legend>Sign in to Salesforce</legend>
        <Choice
          name={`${id}-signin`}
          value="window"
          current={settings.signInMethod}
          label="In an app window"
          disabled={locks.signInMethod !== null}
          onPick={(v) => onChange({ signInMethod: v })}
        />
        <Choice
          name={`${id}-signin`}
          value="browser"
          current={settings.signInMethod}
          label="Use my browser"
          hint="for security keys, passkeys and single sign-on"
          disabled={locks.signInMethod !== null}
          onPick={(v) => onChange({ signInMethod: v })}
        />
        {locks.signInMethod !== null && <p className="hint">{policyText.lockedHint}</p>}
      </fieldset>
      <fieldset>
        <legend>Aging</legend>
        <Choice name={`${id}-basis`} value="dueDate" current={settings.agingBasis} label="Days past the due date" onPick={(v) => onChange({ agingBasis: v })} />
        <Choice name={`${id}-basis`} value="invoiceDate" current={settings.agingBasis} label="Days since the invoice date" onPick={(v) => onChange({ agingBasis: v })} />
        <div className="as-of">
          <Choice name={`${id}-asof`} value="today" current={settings.agingAsOf ? 'date' : 'today'} label="As of today" onPick={() => onChange({ agingAsOf: null })} />
          <label className="choice">
            <input
              type="radio"
              name={`${id}-asof`}
              checked={settings.agingAsOf !== null}
              onChange={() => onChange({ agingAsOf: new Date().toISOString().slice(0, 10) })}
            />
            <span>As of</span>
          </label>
          <input
            type="date"
            aria-label="Aging as-of date"
            value={settings.agingAsOf ?? ''}
            onChange={(e) => onChange({ agingAsOf: e.target.value || null })}
            data-testid="settings-as-of"
          />
        </div>
      </fieldset>
      <SyncIntervalSetting settings={settings} onChange={onChange} bounds={locks.syncInterval} boundsHint={policyText.intervalBounds} />
      {onOpenInvoiceSource && (
        <fieldset>
          <legend>Invoices of this connection</legend>
          <p className="hint">Which Salesforce object holds your invoices, and which of its fields Budgetly shows.</p>
          <button type="button" onClick={onOpenInvoiceSource} data-testid="settings-invoice-source">
            Invoice source…
          </button>
        </fieldset>
      )}
      <fieldset>
        <legend>Theme</legend>
        <Choice name={`${id}-theme`} value="system" current={settings.theme} label="Same as my computer" onPick={(v) => onChange({ theme: v })} />
        <Choice name={`${id}-theme`} value="light" current={settings.theme} label="Light" onPick={(v) => onChange({ theme: v })} />
        <Choice name={`${id}-theme`} value="dark" current={settings.theme} label="Dark" onPick={(v) => onChange({ theme: v })} />
      </fieldset>
      <fieldset>
        <legend>Keeping you signed in</legend>
        {weakAvailable && locks.weakStorageNeverAllowed ? (
          <p className="hint" data-testid="settings-weak-storage-locked">
            {policyText.weakNeverAllowed}
          </p>
        ) : weakAvailable ? (
          <>
            <p className="warning-text" id={`${id}-weak-warning`}>
              This computer has no system keyring to encrypt your Salesforce sign-in. Budgetly keeps it in memory only, so you sign in again each time
              you start the app. If you allow weaker storage, the sign-in is saved with a key that other programs running as you could read.
            </p>
            <label className="check">
              <input
                type="checkbox"
                checked={settings.allowWeakStorage}
                onChange={(e) => onChange({ allowWeakStorage: e.target.checked })}
                aria-describedby={`${id}-weak-warning`}
                data-testid="settings-weak-storage"
              />
              Allow weaker storage of my sign-in on this computer
            </label>
          </>
        ) : (
          <p className="hint">Your sign-in is encrypted by your operating system.</p>
        )}
      </fieldset>
      {open && <UpdateSetting onChange={onChange} />}
      <div className="form-actions">
        <button type="button" className="primary" onClick={onClose}>
          Done
        </button>
      </div>
    </dialog>
  );
}
