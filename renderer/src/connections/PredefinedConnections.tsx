import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../electron/contract';
import { describeLoginUrl } from '../../../electron/contract/login-host';

/** The connections the machine-wide policy file predefines and nobody signed in to yet: one click each. */
export function PredefinedConnections({ connections, busy, onSignIn }: { connections: Connection[]; busy: boolean; onSignIn: (connection: Connection) => void }) {
  const { t } = useTranslation('connectionDetails');
  const waiting = connections.filter((c) => c.fromPolicy && c.status === 'disconnected');
  if (waiting.length === 0) return null;
  return (
    <section className="demo-card" aria-labelledby="predefined-title" data-testid="predefined-connections">
      <h2 id="predefined-title">{t('predefinedTitle')}</h2>
      <p>{t('predefinedLead')}</p>
      <ul className="predefined-list">
        {waiting.map((connection) => (
          <li key={connection.id}>
            <button type="button" className="primary" disabled={busy} onClick={() => onSignIn(connection)}>
              {t('predefinedSignIn', { label: connection.label })}
            </button>{' '}
            <span className="hint">{describeLoginUrl(connection.loginUrl)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
