import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../electron/contract';
import { errorOf, unwrap } from '../api/result';
import { budgetly } from '../bridge';

/** Signs out of a connection (revokes its sign-in, deletes its invoices on this computer), after saying so. */
export function SignOutConfirm({ connection }: { connection: Connection }) {
  const { t } = useTranslation('connections');
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const signOut = async () => {
    setBusy(true);
    setError(null);
    try {
      await unwrap(budgetly().connections.disconnect({ id: connection.id }));
      setAsking(false);
    } catch (e) {
      setError(errorOf(e).message);
    } finally {
      setBusy(false);
    }
  };
  if (!asking) {
    return (
      <div>
        <button type="button" onClick={() => setAsking(true)} data-testid="sign-out">
          {t('signOutOf', { label: connection.label })}
        </button>
      </div>
    );
  }
  return (
    <div className="warning-text" role="group" aria-label={t('signOutGroup')}>
      <p>{t('signOutWarning', { label: connection.label })}</p>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={() => setAsking(false)} disabled={busy}>
          {t('staySignedIn')}
        </button>
        <button type="button" className="primary" onClick={() => void signOut()} disabled={busy} data-testid="confirm-sign-out">
          {t('signOut')}
        </button>
      </div>
    </div>
  );
}
