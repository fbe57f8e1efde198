import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection, SignInMethod } from '../../../electron/contract';
import type { AppInfo } from '../api/use-app';
import { budgetly } from '../bridge';
import { errorOf, unwrap } from '../api/result';
import { AddConnectionForm } from './AddConnectionForm';
import { LoginStatus } from './LoginStatus';
import { PredefinedConnections } from './PredefinedConnections';
import { useLogin } from './use-login';

interface Props {
  info: AppInfo | null;
  connections: Connection[];
  defaultSignInMethod: SignInMethod;
  onConnected: (connection: Connection) => void;
  onCancel?: () => void;
}

/** First run, or "Add connection": the demo org in one click (developer machines), or any org. */
export function ConnectScreen({ info, connections, defaultSignInMethod, onConnected, onCancel }: Props) {
  const { t } = useTranslation('connections');
  const login = useLogin();
  const [method, setMethod] = useState<SignInMethod>(defaultSignInMethod);
  const [demoError, setDemoError] = useState<string | null>(null);
  // Adding is offered from the workspace (with a way back); otherwise this is the first run.
  const firstRun = !onCancel;

  async function signIn(connection: Connection) {
    setMethod(connection.signInMethod);
    const connected = await login.connect(connection.id);
    if (connected) onConnected(connected);
  }

  async function connectDemo() {
    const demo = info?.demo;
    if (!demo) return;
    setDemoError(null);
    try {
      const existing = connections.find((c) => c.loginUrl === demo.loginUrl && c.clientId === demo.clientId);
      const connection =
        existing ??
        (await unwrap(budgetly().connections.add({ label: demo.label, loginUrl: demo.loginUrl, clientId: demo.clientId, signInMethod: defaultSignInMethod })));
      await signIn(connection);
    } catch (e) {
      setDemoError(errorOf(e).message);
    }
  }

  const busy = login.state.kind === 'in-progress';
  const retryId = 'connectionId' in login.state ? login.state.connectionId : null;

  return (
    <main className="connect-screen" aria-labelledby="connect-title">
      <header className="connect-header">
        <h1 id="connect-title">{firstRun ? t('welcome') : t('addTitle')}</h1>
        {firstRun && <p className="lead">{t('lead')}</p>}
      </header>
      <LoginStatus
        state={login.state}
        signInMethod={method}
        onCancel={login.cancel}
        onRetry={() => {
          const retry = connections.find((c) => c.id === retryId);
          if (retry) void signIn(retry);
          else login.reset();
        }}
      />
      <PredefinedConnections connections={connections} busy={busy} onSignIn={(connection) => void signIn(connection)} />
      {info?.demo && (
        <section className="demo-card" aria-labelledby="demo-title">
          <h2 id="demo-title">{t('demoTitle')}</h2>
          <p>{t('demoLead', { url: info.demo.loginUrl })}</p>
          <button type="button" className="primary" onClick={() => void connectDemo()} disabled={busy} data-testid="connect-demo">
            {t('demoConnect', { label: info.demo.label })}
          </button>
          {demoError && (
            <p role="alert" className="field-error">
              {demoError}
            </p>
          )}
        </section>
      )}
      <AddConnectionForm
        connections={connections}
        defaultSignInMethod={defaultSignInMethod}
        builtInClientIds={info?.builtInClientIds}
        onAdded={(c) => void signIn(c)} onCancel={onCancel} />
    </main>
  );
}
