import { useId, type FormEvent } from 'react';
import type { Connection, SignInMethod } from '../../../electron/contract';
import { budgetly } from '../bridge';
import { errorOf, unwrap } from '../api/result';
import { ClientIdField, ClientSecretField, LabelField, LoginHostFields, SignInMethodFields } from './connection-fields';
import { describeLoginUrl } from '../../../electron/contract/login-host';
import { useConnectionFields } from './use-connection-fields';

interface Props {
  /** Existing connections: signing in again to the same org and app reuses its (never signed-in) connection. */
  connections: Connection[];
  defaultSignInMethod: SignInMethod;
  onAdded: (connection: Connection) => void;
  onCancel?: () => void;
}

/** Adds a Salesforce org: where it signs in, with which app (client id), and how. */
export function AddConnectionForm({ connections, defaultSignInMethod, onAdded, onCancel }: Props) {
  const formId = useId();
  const {
    hostFields, label, setLabel, clientId, setClientId, clientSecret, setClientSecret,
    signInMethod, setSignInMethod, setTouched, saving, setSaving, error, setError, host, clientIdError,
  } = useConnectionFields({
    kind: 'production',
    myDomain: '',
    label: '',
    clientId: '',
    signInMethod: defaultSignInMethod,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!host.ok || !clientId.trim()) return;
    setSaving(true);
    setError(null);
    try {
      const fields = {
        label: label.trim() || describeLoginUrl(host.url),
        loginUrl: host.url,
        clientId: clientId.trim(),
        ...(clientSecret ? { clientSecret } : {}),
        signInMethod,
      };
      const retry = connections.find((c) => c.loginUrl === fields.loginUrl && c.clientId === fields.clientId && !c.username);
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
      <h2 id={`${formId}-title`}>Connect a Salesforce org</h2>
      <LoginHostFields formId={formId} {...hostFields} />
      <ClientIdField formId={formId} value={clientId} onChange={setClientId} error={clientIdError} />
      <SignInMethodFields formId={formId} value={signInMethod} onChange={setSignInMethod} />
      <details className="advanced">
        <summary>More options</summary>
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
            Cancel
          </button>
        )}
        <button type="submit" className="primary" disabled={saving}>
          Sign in to Salesforce
        </button>
      </div>
    </form>
  );
}
