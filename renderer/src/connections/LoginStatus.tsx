import { useTranslation } from 'react-i18next';
import type { LoginState } from './use-login';

interface Props {
  state: LoginState;
  signInMethod: 'window' | 'browser';
  onCancel: () => void;
  onRetry: () => void;
}


/** What is happening with a sign-in, with a way out (cancel) or a way forward (try again). */
export function LoginStatus({ state, signInMethod, onCancel, onRetry }: Props) {
  const { t } = useTranslation('connections');
  if (state.kind === 'idle' || state.kind === 'done') return null;
  if (state.kind === 'in-progress') {
    return (
      <div className="notice notice-info" role="status" data-testid="login-status" data-state="in-progress">
        <span className="spinner" aria-hidden="true" />
        <span>
          {signInMethod === 'browser' ? t('loginInBrowser') : t('loginInWindow')}
        </span>
        <button type="button" onClick={onCancel}>
          {t('cancelSignIn')}
        </button>
      </div>
    );
  }
  // What the user can do about the common failures; any other says the core's own message.
  const failureHelp = (code: string) =>
    ({ NETWORK: t('failedNetwork'), TIMEOUT: t('failedTimeout'), LOGIN_IN_PROGRESS: t('failedInProgress'), ENCRYPTION_UNAVAILABLE: t('failedEncryption') } as Partial<Record<string, string>>)[code];
  const [title, detail] =
    state.kind === 'cancelled'
      ? [t('cancelledTitle'), t('cancelledDetail')]
      : state.kind === 'denied'
        ? [t('deniedTitle'), t('deniedDetail')]
        : [t('failedTitle'), failureHelp(state.code) ?? state.message];
  return (
    <div className={`notice ${state.kind === 'cancelled' ? 'notice-info' : 'notice-error'}`} role="alert" data-testid="login-status" data-state={state.kind}>
      <div>
        <strong>{title}</strong>
        <p>{detail}</p>
      </div>
      <button type="button" onClick={onRetry}>
        {t('tryAgain')}
      </button>
    </div>
  );
}
