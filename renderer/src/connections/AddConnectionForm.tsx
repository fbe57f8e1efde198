import { useId, useState, type FormEvent } from 'react';
import type { Connection, SignInMethod } from '../../../electron/contract';
import { budgetly } from '../bridge';
import { errorOf, unwrap } from '../api/result';
import { ClientIdGuide } from './ClientIdGuide';
import { describeLoginUrl, loginUrlFor, type OrgKind } from './login-host';

interface Props {
  /** Existing connections: signing in again to the same org and app reuses its (never signed-in) connection. */
  connections: Connection[];
  defaultSignInMethod: SignInMethod;
  onAdded: (connection: Connection) => void;
  onCancel?: () => void;
}

const kinds: { value: OrgKind; label: string; help: string }[] = [
  { value: 'production', label: 'Production', help: 'login.salesforce.com: your company’s live org.' },
  { value: 'sandbox', label: 'Sandbox', help: 'test.salesforce.com: a copy of your org for testing.' },
  { value: 'mydomain', label: 'My Domain', help: 'Your company’s own Salesforce address, needed for single sign-on.' },
];

/** Adds a Salesforce org: where it signs in, with which app (client id), and how. */
export function AddConnectionForm({ connections, defaultSignInMethod, onAdded, onCancel }: Props) {
  const formId = useId();
  const [kind, setKind] = useState<OrgKind>('production');
  const [myDomain, setMyDomain] = useState('');
  const [label, setLabel] = useState('');
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [signInMethod, setSignInMethod] = useState<SignInMethod>(defaultSignInMethod);
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const host = loginUrlFor(kind, myDomain);
  const domainError = kind === 'mydomain' && touched && !host.ok ? host.message : null;
  const clientIdError = touched && !clientId.trim() ? 'Enter the client id (Consumer Key) of your External Client App.' : null;

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
      <fieldset>
        <legend>Where do you sign in?</legend>
        {kinds.map((k) => (
          <label key={k.value} className="choice">
            <input type="radio" name="org-kind" value={k.value} checked={kind === k.value} onChange={() => setKind(k.value)} />
            <span>
              <strong>{k.label}</strong> <span className="hint">{k.help}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {kind === 'mydomain' && (
        <div className="field">
          <label htmlFor={`${formId}-domain`}>My Domain</label>
          <input
            id={`${formId}-domain`}
            value={myDomain}
            onChange={(e) => setMyDomain(e.target.value)}
            onBlur={() => setTouched(true)}
            placeholder="acme.my.salesforce.com"
            aria-invalid={domainError ? true : undefined}
            aria-describedby={`${formId}-domain-help`}
            autoComplete="url"
            spellCheck={false}
          />
          <p id={`${formId}-domain-help`} className={domainError ? 'field-error' : 'hint'}>
            {domainError ?? 'Find it in Setup → My Domain, e.g. acme.my.salesforce.com or acme--uat.sandbox.my.salesforce.com.'}
          </p>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${formId}-client`}>Client id</label>
        <input
          id={`${formId}-client`}
          value={clientId}
          onChange={(e) => setClientId(e.target.value)}
          aria-invalid={clientIdError ? true : undefined}
          aria-describedby={`${formId}-client-help`}
          spellCheck={false}
          autoComplete="off"
        />
        <p id={`${formId}-client-help`} className={clientIdError ? 'field-error' : 'hint'}>
          {clientIdError ?? 'The Consumer Key of the External Client App your Salesforce admin created for Budgetly.'}
        </p>
        <ClientIdGuide />
      </div>
      <fieldset>
        <legend>How do you want to sign in?</legend>
        <label className="choice">
          <input type="radio" name="sign-in" checked={signInMethod === 'window'} onChange={() => setSignInMethod('window')} />
          <span>
            <strong>In an app window</strong> <span className="hint">Quickest for a user name and password.</span>
          </span>
        </label>
        <label className="choice">
          <input type="radio" name="sign-in" checked={signInMethod === 'browser'} onChange={() => setSignInMethod('browser')} />
          <span>
            <strong>Use my browser</strong> <span className="hint">For security keys, passkeys and company single sign-on.</span>
          </span>
        </label>
      </fieldset>
      <details className="advanced">
        <summary>More options</summary>
        <div className="field">
          <label htmlFor={`${formId}-label`}>Name for this connection</label>
          <input id={`${formId}-label`} value={label} onChange={(e) => setLabel(e.target.value)} placeholder="e.g. Acme production" maxLength={80} />
        </div>
        <div className="field">
          <label htmlFor={`${formId}-secret`}>Client secret (only if your org requires one)</label>
          <input id={`${formId}-secret`} type="password" value={clientSecret} onChange={(e) => setClientSecret(e.target.value)} autoComplete="off" />
        </div>
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
