import './provisioning.css';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection, ProvisionedOffer } from '../../../electron/contract';
import { errorOf, unwrap } from '../api/result';
import { budgetly } from '../bridge';
import { LoginStatus } from '../connections/LoginStatus';
import { useLogin } from '../connections/use-login';

interface Props {
  offer: ProvisionedOffer;
  onConnected: (connection: Connection) => void;
  onClose: () => void;
}

/**
 * A connection from a link or a `.budgetly` file: exactly what will be added and where sign-in goes,
 * then "Add and sign in" (the one click that adds and signs in) or "Don't add". A refused one says why.
 */
export function ProvisionedConnectionDialog({ offer, onConnected, onClose }: Props) {
  const { t } = useTranslation('provisioning');
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const login = useLogin();
  const [added, setAdded] = useState<Connection | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const close = () => {
    if (!added) void budgetly().provisioning.dismiss({ id: offer.id });
    onClose();
  };

  async function signIn(connection: Connection) {
    const connected = await login.connect(connection.id);
    if (connected) onConnected(connected);
  }

  async function accept() {
    setError(null);
    try {
      const connection = await unwrap(budgetly().provisioning.accept({ id: offer.id }));
      setAdded(connection);
      await signIn(connection);
    } catch (e) {
      setError(errorOf(e).message);
    }
  }

  const from = offer.source === 'link' ? null : (offer.fileName ?? '');
  return (
    <dialog ref={ref} className="settings provisioned-connection" aria-labelledby={titleId} onCancel={close} data-testid="provisioned-connection" data-status={offer.status}>
      <header className="dialog-header">
        <h2 id={titleId}>{offer.status === 'ready' ? t('title') : t('refusedTitle')}</h2>
      </header>
      {offer.status === 'refused' ? (
        <>
          <p>{from === null ? t('refusedLink') : t('refusedFile', { name: from })}</p>
          <p role="alert" className="field-error" data-testid="provisioned-refusal">
            {offer.message}
          </p>
          <div className="form-actions">
            <button type="button" className="primary" onClick={close}>
              {t('close')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{from === null ? t('fromLink') : t('fromFile', { name: from })}</p>
          <dl className="provisioned-fields" data-testid="provisioned-fields">
            <dt>{t('name')}</dt>
            <dd>{offer.label}</dd>
            <dt>{t('signsInAt')}</dt>
            <dd>
              <code>{offer.loginUrl}</code>
            </dd>
            <dt>{t('clientId')}</dt>
            <dd>
              <code>{offer.builtInClientId ? t('builtIn', { id: offer.clientId }) : offer.clientId}</code>
            </dd>
            <dt>{t('method')}</dt>
            <dd>{offer.signInMethod === 'browser' ? t('browser') : t('window')}</dd>
          </dl>
          {!added && <p className="hint">{t('nothingYet')}</p>}
          <LoginStatus state={login.state} signInMethod={offer.signInMethod} onCancel={login.cancel} onRetry={() => added && void signIn(added)} />
          {error && (
            <p role="alert" className="field-error">
              {error}
            </p>
          )}
          <div className="form-actions">
            {added ? (
              login.state.kind !== 'in-progress' && (
                <button type="button" onClick={close}>
                  {t('close')}
                </button>
              )
            ) : (
              <>
                <button type="button" onClick={close}>
                  {t('dontAdd')}
                </button>
                <button
                  type="button"
                  className="primary"
                  onClick={(event) => {
                    // The second click of a double-click is not a decision: it may have been meant for the button
                    // here on the screen before (the refused offer's Close sits where Add is). Keys give detail 0.
                    if (event.detail > 1) return;
                    void accept();
                  }}
                >
                  {t('add')}
                </button>
              </>
            )}
          </div>
        </>
      )}
    </dialog>
  );
}
