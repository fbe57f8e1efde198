import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection, SignInMethod } from '../../../electron/contract';
import { budgetly } from '../bridge';
import { errorOf, unwrap } from '../api/result';
import { ClientIdField, ClientSecretField, LabelField, LoginHostFields, SignInMethodFields } from './connection-fields';
import { hasBuiltInClientId, NO_BUILT_IN_CLIENT, type BuiltInClientIds } from '../../../electron/contract/built-in-client';
import { useConnectionFields } from './use-connection-fields';

interface Props {
  /** Existing connections: signing in again to the same org and app reuses its (never signed-in) connection. */
  connections: Connection[];
  defaultSignInMethod: SignInMethod;
  /** The build's client ids: with one, the client id field moves under "More options". */
  builtInClientIds?: BuiltInClientIds;
  onAdded: (connection: Connection) => void;
  onCancel?: () => void;
}

/** Adds a Salesforce org: where it signs in, with which app (client id), and how. */
export function AddConnectionForm({ connections, defaultSignInMethod, builtInClientIds = NO_BUILT_IN_CLIENT, onAdded, onCancel }: Props) {
  const { t } = useTranslation('connections');
  const builtIn = hasBuiltInClientId(builtInClientIds);
  const formId = useId();
  const {
    hostFields, label, setLabel, clientId, setClientId, clientSecret, setClientSecret,
    signInMethod, setSignInMethod, setTouched, saving, setSaving, error, setError, host, clientIdError, builtInClientId,
  } = useConnectionFields(t, {
    kind: 'production',
    myDomain: '',
    label: '',
    clientId: '',
    signInMethod: defaultSignInMethod,
  }, builtInClientIds);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!host.ok || (!clientId.trim() && !builtInClientId)) return;
    setSaving(true);
    setError(null);
    try {
      const fields = {
        // Left empty: the core names it after the login host, and after the org once signed in.
        ...(label.trim() ? { label: label.trim() } : {}),
        loginUrl: host.url,
        // Left empty with a built-in id: the core fills in the build's id for this login host.
        ...(clientId.trim() ? { clientId: clientId.trim() } : {}),
        ...(clientSecret ? { clientSecret } : {}),
        signInMethod,
      };
      const usedClientId = fields.clientId ?? builtInClientId;
      const retry = connections.find((c) => c.loginUrl === fields.loginUrl && c.clientId === usedClientId && !c.username);
      const connection = await unwrap(retry ? budgetly().connections.update({ id: retry.id, ...fields }) : budgetly().connections.add(fields));
      onAdded(connection);
    } catch (e) {
      setError(errorOf(e).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="connection-form" onSubmit={submit} noValidate aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>{t('formTitle')}</h2>
      <LoginHostFields formId={formId} {...hostFields} />
      {!builtIn && <ClientIdField formId={formId} value={clientId} onChange={setClientId} error={clientIdError} />}
      <SignInMethodFields formId={formId} value={signInMethod} onChange={setSignInMethod} />
      <details className="advanced" open={builtIn && clientIdError !== null ? true : undefined}>
        <summary>{t('moreOptions')}</summary>
        {builtIn && (
          <ClientIdField
            formId={formId}
            value={clientId}
            onChange={setClientId}
            error={clientIdError}
            placeholder={builtInClientId ?? undefined}
            help={builtInClientId ? t('builtInClientHint') : undefined}
          />
        )}
        <LabelField formId={formId} value={label} onChange={setLabel} />
        <ClientSecretField formId={formId} value={clientSecret} onChange={setClientSecret} />
      </details>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
        <button type="submit" className="primary" disabled={saving}>
          {t('signIn')}
        </button>
      </div>
    </form>
  );
}
