import type { LoginState } from './use-login';

interface Props {
  state: LoginState;
  signInMethod: 'window' | 'browser';
  onCancel: () => void;
  onRetry: () => void;
}

const failureHelp: Partial<Record<string, string>> = {
  NETWORK: 'Salesforce could not be reached. Check your internet connection, then try again.',
  TIMEOUT: 'The sign-in took too long and was stopped.',
  LOGIN_IN_PROGRESS: 'Another sign-in is still open. Finish or cancel it first.',
  ENCRYPTION_UNAVAILABLE: 'Your sign-in cannot be stored safely on this computer. See Settings.',
};

/** What is happening with a sign-in, with a way out (cancel) or a way forward (try again). */
export function LoginStatus({ state, signInMethod, onCancel, onRetry }: Props) {
  if (state.kind === 'idle' || state.kind === 'done') return null;
  if (state.kind === 'in-progress') {
    return (
      <div className="notice notice-info" role="status" data-testid="login-status" data-state="in-progress">
        <span className="spinner" aria-hidden="true" />
        <span>
          {signInMethod === 'browser'
            ? 'Finish signing in to Salesforce in your browser. This window will update when you are done.'
            : 'Finish signing in to Salesforce in the sign-in window.'}
        </span>
        <button type="button" onClick={onCancel}>
          Cancel sign-in
        </button>
      </div>
    );
  }
  const [title, detail] =
    state.kind === 'cancelled'
      ? ['Sign-in cancelled', 'The sign-in window was closed before you finished.']
      : state.kind === 'denied'
        ? ['Access was not allowed', 'Salesforce says access was denied. To use Budgetly, choose “Allow” on the Salesforce page.']
        : ['Sign-in failed', failureHelp[state.code] ?? state.message];
  return (
    <div className={`notice ${state.kind === 'cancelled' ? 'notice-info' : 'notice-error'}`} role="alert" data-testid="login-status" data-state={state.kind}>
      <div>
        <strong>{title}</strong>
        <p>{detail}</p>
      </div>
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
