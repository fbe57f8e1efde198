import type { SignInMethod } from '../../../electron/contract';
import { ClientIdGuide } from './ClientIdGuide';
import type { OrgKind } from '../../../electron/contract/login-host';

/** The fields of a connection, shared by the add-connection form and the edit-connection dialog. */

const kinds: { value: OrgKind; label: string; help: string }[] = [
  { value: 'production', label: 'Production', help: 'login.salesforce.com: your company’s live org.' },
  { value: 'sandbox', label: 'Sandbox', help: 'test.salesforce.com: a copy of your org for testing.' },
  { value: 'mydomain', label: 'My Domain', help: 'Your company’s own Salesforce address, needed for single sign-on.' },
];

export const CLIENT_ID_MISSING = 'Enter the client id (Consumer Key) of your External Client App.';

interface LoginHostProps {
  formId: string;
  kind: OrgKind;
  onKind: (kind: OrgKind) => void;
  myDomain: string;
  onMyDomain: (value: string) => void;
  /** Shown under My Domain instead of its help text. */
  domainError: string | null;
  onDomainBlur: () => void;
  disabled?: boolean;
}

/** Production, Sandbox or My Domain (with its address and help). */
export function LoginHostFields({ formId, kind, onKind, myDomain, onMyDomain, domainError, onDomainBlur, disabled }: LoginHostProps) {
  return (
    <>
      <fieldset disabled={disabled}>
        <legend>Where do you sign in?</legend>
        {kinds.map((k) => (
          <label key={k.value} className="choice">
            <input type="radio" name={`${formId}-org-kind`} value={k.value} checked={kind === k.value} onChange={() => onKind(k.value)} />
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
            onChange={(e) => onMyDomain(e.target.value)}
            onBlur={onDomainBlur}
            placeholder="acme.my.salesforce.com"
            aria-invalid={domainError ? true : undefined}
            aria-describedby={`${formId}-domain-help`}
            autoComplete="url"
            spellCheck={false}
            disabled={disabled}
          />
          <p id={`${formId}-domain-help`} className={domainError ? 'field-error' : 'hint'}>
            {domainError ?? 'Find it in Setup → My Domain, e.g. acme.my.salesforce.com or acme--uat.sandbox.my.salesforce.com.'}
          </p>
        </div>
      )}
    </>
  );
}

interface ClientIdProps {
  formId: string;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  disabled?: boolean;
  /** The built-in id it falls back to, shown in the empty field. */
  placeholder?: string;
  /** Replaces the default help (e.g. that the build's own id is used when left empty). */
  help?: string;
}

/** The External Client App's client id, with the guide to creating one. */
export function ClientIdField({ formId, value, onChange, error, disabled, placeholder, help }: ClientIdProps) {
  return (
    <div className="field">
      <label htmlFor={`${formId}-client`}>Client id</label>
      <input
        id={`${formId}-client`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${formId}-client-help`}
        spellCheck={false}
        autoComplete="off"
        disabled={disabled}
        placeholder={placeholder}
      />
      <p id={`${formId}-client-help`} className={error ? 'field-error' : 'hint'}>
        {error ?? help ?? 'The Consumer Key of the External Client App your Salesforce admin created for Budgetly.'}
      </p>
      <ClientIdGuide />
    </div>
  );
}

/** In an app window, or in the user's browser (security keys, passkeys, SSO). */
export function SignInMethodFields({ formId, value, onChange }: { formId: string; value: SignInMethod; onChange: (value: SignInMethod) => void }) {
  return (
    <fieldset>
      <legend>How do you want to sign in?</legend>
      <label className="choice">
        <input type="radio" name={`${formId}-sign-in`} value="window" checked={value === 'window'} onChange={() => onChange('window')} />
        <span>
          <strong>In an app window</strong> <span className="hint">Quickest for a user name and password.</span>
        </span>
      </label>
      <label className="choice">
        <input type="radio" name={`${formId}-sign-in`} value="browser" checked={value === 'browser'} onChange={() => onChange('browser')} />
        <span>
          <strong>Use my browser</strong> <span className="hint">For security keys, passkeys and company single sign-on.</span>
        </span>
      </label>
    </fieldset>
  );
}

export function LabelField({ formId, value, onChange }: { formId: string; value: string; onChange: (value: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={`${formId}-label`}>Name for this connection</label>
      <input id={`${formId}-label`} value={value} onChange={(e) => onChange(e.target.value)} placeholder="e.g. Acme production" maxLength={80} />
    </div>
  );
}

interface ClientSecretProps {
  formId: string;
  value: string;
  onChange: (value: string) => void;
  /** e.g. that a saved secret is kept when this is left empty. */
  help?: string;
  disabled?: boolean;
}

export function ClientSecretField({ formId, value, onChange, help, disabled }: ClientSecretProps) {
  return (
    <div className="field">
      <label htmlFor={`${formId}-secret`}>Client secret (only if your org requires one)</label>
      <input
        id={`${formId}-secret`}
        type="password"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        disabled={disabled}
        aria-describedby={help ? `${formId}-secret-help` : undefined}
      />
      {help && (
        <p id={`${formId}-secret-help`} className="hint">
          {help}
        </p>
      )}
    </div>
  );
}
