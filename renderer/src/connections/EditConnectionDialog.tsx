import './edit-connection.css';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput, Connection } from '../../../electron/contract';
import { errorOf, unwrap } from '../api/result';
import { budgetly } from '../bridge';
import { ClientIdField, ClientSecretField, LabelField, LoginHostFields, SignInMethodFields } from './connection-fields';
import { orgKindOf } from '../../../electron/contract/login-host';
import { useConnectionFields } from './use-connection-fields';
import { SignOutConfirm } from './SignOutConfirm';

interface Props {
  connection: Connection;
  onClose: () => void;
}

type Patch = ChannelInput<'connections.update'>;

/**
 * Edits a saved connection with the add form's fields. Only what changed is sent; where and with which
 * app it signs in can change only while signed out (the core refuses otherwise, and this says so).
 */
export function EditConnectionDialog({ connection, onClose }: Props) {
  const { t } = useTranslation('connections');
  const ref = useRef<HTMLDialogElement>(null);
  const formId = useId();
  const initial = orgKindOf(connection.loginUrl);
  const {
    hostFields, label, setLabel, clientId, setClientId, clientSecret, setClientSecret,
    signInMethod, setSignInMethod, setTouched, saving, setSaving, error, setError, host, clientIdError,
  } = useConnectionFields(t, { ...initial, label: connection.label, clientId: connection.clientId, signInMethod: connection.signInMethod });
  const [removeSecret, setRemoveSecret] = useState(false);
  const locked = connection.status === 'connected';

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);


  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!host.ok || !clientId.trim()) return;
    const patch: Patch = { id: connection.id };
    if (label.trim() && label.trim() !== connection.label) patch.label = label.trim();
    if (signInMethod !== connection.signInMethod) patch.signInMethod = signInMethod;
    if (!locked) {
      if (host.url !== connection.loginUrl) patch.loginUrl = host.url;
      if (clientId.trim() !== connection.clientId) patch.clientId = clientId.trim();
      if (clientSecret) patch.clientSecret = clientSecret;
      else if (removeSecret) patch.clientSecret = null;
    }
    setSaving(true);
    setError(null);
    try {
      if (Object.keys(patch).length > 1) await unwrap(budgetly().connections.update(patch));
      onClose();
    } catch (e) {
      setError(errorOf(e).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <dialog ref={ref} className="settings edit-connection" aria-labelledby={`${formId}-title`} onClose={onClose} data-testid="edit-connection-dialog">
      <form className="edit-connection-form" onSubmit={submit} noValidate>
        <header className="dialog-header">
          <h2 id={`${formId}-title`}>{t('editTitle', { label: connection.label })}</h2>
          <button type="button" onClick={onClose} aria-label={t('closeWithoutSaving')}>
            ×
          </button>
        </header>
        <LabelField formId={formId} value={label} onChange={setLabel} />
        <SignInMethodFields formId={formId} value={signInMethod} onChange={setSignInMethod} />
        <h3 className="edit-connection-section">{t('orgAndApp')}</h3>
        {locked && (
          <>
            <p className="hint" data-testid="edit-connection-locked">
              {t('lockedHint')}
            </p>
            <SignOutConfirm connection={connection} />
          </>
        )}
        <LoginHostFields formId={formId} {...hostFields} disabled={locked} />
        <ClientIdField formId={formId} value={clientId} onChange={setClientId} error={clientIdError} disabled={locked} />
        <ClientSecretField
          formId={formId}
          value={clientSecret}
          onChange={setClientSecret}
          disabled={locked}
          help={connection.hasClientSecret ? t('secretSaved') : undefined}
        />
        {connection.hasClientSecret && !locked && (
          <label className="check">
            <input type="checkbox" checked={removeSecret} onChange={(e) => setRemoveSecret(e.target.checked)} disabled={!!clientSecret} />
            {t('removeSecret')}
          </label>
        )}
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary" disabled={saving} data-testid="save-connection">
            {t('save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
