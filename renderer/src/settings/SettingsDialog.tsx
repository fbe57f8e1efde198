import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../i18n/DateField';
import type { SecretProtection, Settings } from '../../../electron/contract';
import { languageNames, languages } from '../../../electron/contract/i18n/languages';
import { SyncIntervalSetting } from '../freshness/SyncIntervalSetting';
import { localTodayIso } from '../invoices/plain-date';
import { UpdateSetting } from '../updates/UpdateSetting';
import { PdfBudgetSetting } from './PdfBudgetSetting';
import { FirmNameSetting } from './FirmNameSetting';
import { PolicyNotice } from './PolicyNotice';
import { usePolicy } from './use-policy';

interface Props {
  open: boolean;
  settings: Settings;
  secretProtection: SecretProtection | null;
  onChange: (patch: Partial<Settings>) => void;
  /** Why the last change was not saved (said by the main process), if it was not. */
  saveError?: string | null;
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
  lang,
  disabled,
  onPick,
}: {
  name: string;
  value: T;
  current: T;
  label: string;
  hint?: string;
  /** The language the label is written in, when it is not the page's (a language's own name). */
  lang?: string;
  disabled?: boolean;
  onPick: (v: T) => void;
}) {
  return (
    <label className="choice">
      <input type="radio" name={name} value={value} checked={current === value} disabled={disabled} onChange={() => onPick(value)} />
      <span lang={lang}>
        {label}
        {hint && <span className="hint"> {hint}</span>}
      </span>
    </label>
  );
}

/** Sign-in method, aging basis and date, language, theme, weaker storage (with its warning). Saved as they change. */
export function SettingsDialog({ open, settings, secretProtection, onChange, saveError, onClose, onOpenInvoiceSource }: Props) {
  const { t } = useTranslation('settings');
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
        <h2 id={`${id}-title`}>{t('title')}</h2>
        <button type="button" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </header>
      <PolicyNotice policy={policy} />
      <fieldset data-testid="settings-sign-in">
        <legend>{t('signInLegend')}</legend>
        <Choice
          name={`${id}-signin`}
          value="window"
          current={settings.signInMethod}
          label={t('signInWindow')}
          disabled={locks.signInMethod !== null}
          onPick={(v) => onChange({ signInMethod: v })}
        />
        <Choice
          name={`${id}-signin`}
          value="browser"
          current={settings.signInMethod}
          label={t('signInBrowser')}
          hint={t('signInBrowserHint')}
          disabled={locks.signInMethod !== null}
          onPick={(v) => onChange({ signInMethod: v })}
        />
        {locks.signInMethod !== null && <p className="hint">{t('policyLocked')}</p>}
      </fieldset>
      <fieldset>
        <legend>{t('agingLegend')}</legend>
        <Choice name={`${id}-basis`} value="dueDate" current={settings.agingBasis} label={t('agingDueDate')} onPick={(v) => onChange({ agingBasis: v })} />
        <Choice name={`${id}-basis`} value="invoiceDate" current={settings.agingBasis} label={t('agingInvoiceDate')} onPick={(v) => onChange({ agingBasis: v })} />
        <div className="as-of">
          <Choice name={`${id}-asof`} value="today" current={settings.agingAsOf ? 'date' : 'today'} label={t('agingToday')} onPick={() => onChange({ agingAsOf: null })} />
          <label className="choice">
            <input
              type="radio"
              name={`${id}-asof`}
              checked={settings.agingAsOf !== null}
              onChange={() => onChange({ agingAsOf: localTodayIso() })}
            />
            <span>{t('agingAsOf')}</span>
          </label>
          <DateField label={t('agingAsOfDate')} value={settings.agingAsOf} onChange={(day) => onChange({ agingAsOf: day })} testId="settings-as-of" />
        </div>
        <label className="check">
          <input type="checkbox" checked={settings.includeDrafts} onChange={(e) => onChange({ includeDrafts: e.target.checked })} data-testid="settings-include-drafts" />
          {t('includeDrafts')}
        </label>
        <p className="hint">{t('includeDraftsHint')}</p>
      </fieldset>
      <SyncIntervalSetting settings={settings} onChange={onChange} bounds={locks.syncInterval} boundsHint={t('policyIntervalBounds')} />
      {onOpenInvoiceSource && (
        <fieldset>
          <legend>{t('sourceLegend')}</legend>
          <p className="hint">{t('sourceHint')}</p>
          <button type="button" onClick={onOpenInvoiceSource} data-testid="settings-invoice-source">
            {t('sourceButton')}
          </button>
        </fieldset>
      )}
      <fieldset data-testid="settings-language">
        <legend>{t('languageLegend')}</legend>
        <Choice name={`${id}-language`} value="system" current={settings.language} label={t('languageSystem')} onPick={(v) => onChange({ language: v })} />
        {languages.map((language) => (
          <Choice
            key={language}
            name={`${id}-language`}
            value={language}
            current={settings.language}
            label={languageNames[language]}
            lang={language}
            onPick={(v) => onChange({ language: v })}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('themeLegend')}</legend>
        <Choice name={`${id}-theme`} value="system" current={settings.theme} label={t('themeSystem')} onPick={(v) => onChange({ theme: v })} />
        <Choice name={`${id}-theme`} value="light" current={settings.theme} label={t('themeLight')} onPick={(v) => onChange({ theme: v })} />
        <Choice name={`${id}-theme`} value="dark" current={settings.theme} label={t('themeDark')} onPick={(v) => onChange({ theme: v })} />
      </fieldset>
      <PdfBudgetSetting settings={settings} onChange={onChange} />
      <FirmNameSetting settings={settings} onChange={onChange} />
      <fieldset>
        <legend>{t('keepSignedInLegend')}</legend>
        {weakAvailable && locks.weakStorageNeverAllowed ? (
          <p className="hint" data-testid="settings-weak-storage-locked">
            {t('policyWeakNeverAllowed')}
          </p>
        ) : weakAvailable ? (
          <>
            <p className="warning-text" id={`${id}-weak-warning`}>
              {t('weakWarning')}
            </p>
            <label className="check">
              <input
                type="checkbox"
                checked={settings.allowWeakStorage}
                onChange={(e) => onChange({ allowWeakStorage: e.target.checked })}
                aria-describedby={`${id}-weak-warning`}
                data-testid="settings-weak-storage"
              />
              {t('weakAllow')}
            </label>
          </>
        ) : (
          <p className="hint">{t('encryptedByOs')}</p>
        )}
      </fieldset>
      {saveError && (
        <p role="alert" className="field-error" data-testid="settings-save-error">
          {saveError}
        </p>
      )}
      {open && <UpdateSetting chosen={settings.updates} onChange={onChange} />}
      <div className="form-actions">
        <button type="button" className="primary" onClick={onClose}>
          {t('done')}
        </button>
      </div>
    </dialog>
  );
}
