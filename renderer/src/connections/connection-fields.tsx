import { useTranslation } from 'react-i18next';
import type { SignInMethod } from '../../../electron/contract';
import { ClientIdGuide } from './ClientIdGuide';
import type { OrgKind } from '../../../electron/contract/login-host';

/** The fields of a connection, shared by the add-connection form and the edit-connection dialog. */

const kinds: OrgKind[] = ['production', 'sandbox', 'mydomain'];
/** A host name, the same in every language. */
const EXAMPLE_DOMAIN = 'acme.my.salesforce.com';

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
  const { t } = useTranslation('connections');
  const names: Record<OrgKind, { label: string; help: string }> = {
    production: { label: t('kindProduction'), help: t('kindProductionHelp') },
    sandbox: { label: t('kindSandbox'), help: t('kindSandboxHelp') },
    mydomain: { label: t('myDomain'), help: t('kindMyDomainHelp') },
  };
  return (
    <>
      <fieldset disabled={disabled}>
        <legend>{t('whereSignIn')}</legend>
        {kinds.map((k) => (
          <label key={k} className="choice">
            <input type="radio" name={`${formId}-org-kind`} value={k} checked={kind === k} onChange={() => onKind(k)} />
            <span>
              <strong>{names[k].label}</strong> <span className="hint">{names[k].help}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {kind === 'mydomain' && (
        <div className="field">
          <label htmlFor={`${formId}-domain`}>{t('myDomain')}</label>
          <input
            id={`${formId}-domain`}
            value={myDomain}
            onChange={(e) => onMyDomain(e.target.value)}
            onBlur={onDomainBlur}
            placeholder={EXAMPLE_DOMAIN}
            aria-invalid={domainError ? true : undefined}
            aria-describedby={`${formId}-domain-help`}
            autoComplete="url"
            spellCheck={false}
            disabled={disabled}
          />
          <p id={`${formId}-domain-help`} className={domainError ? 'field-error' : 'hint'}>
            {domainError ?? t('myDomainHelp')}
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
  const { t } = useTranslation('connections');
  return (
    <div className="field">
      <label htmlFor={`${formId}-client`}>{t('clientId')}</label>
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
        {error ?? help ?? t('clientIdHelp')}
      </p>
      <ClientIdGuide />
    </div>
  );
}

/** In an app window, or in the user's browser (security keys, passkeys, SSO). */
export function SignInMethodFields({ formId, value, onChange }: { formId: string; value: SignInMethod; onChange: (value: SignInMethod) => void }) {
  const { t } = useTranslation('connections');
  return (
    <fieldset>
      <legend>{t('howSignIn')}</legend>
      <label className="choice">
        <input type="radio" name={`${formId}-sign-in`} value="window" checked={value === 'window'} onChange={() => onChange('window')} />
        <span>
          <strong>{t('methodWindow')}</strong> <span className="hint">{t('methodWindowHelp')}</span>
        </span>
      </label>
      <label className="choice">
        <input type="radio" name={`${formId}-sign-in`} value="browser" checked={value === 'browser'} onChange={() => onChange('browser')} />
        <span>
          <strong>{t('methodBrowser')}</strong> <span className="hint">{t('methodBrowserHelp')}</span>
        </span>
      </label>
    </fieldset>
  );
}

export function LabelField({ formId, value, onChange }: { formId: string; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation('connections');
  return (
    <div className="field">
      <label htmlFor={`${formId}-label`}>{t('label')}</label>
      <input id={`${formId}-label`} value={value} onChange={(e) => onChange(e.target.value)} placeholder={t('labelPlaceholder')} maxLength={80} />
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
  const { t } = useTranslation('connections');
  return (
    <div className="field">
      <label htmlFor={`${formId}-secret`}>{t('clientSecret')}</label>
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
