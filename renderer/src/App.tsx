import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../electron/contract';
import { budgetly } from './bridge';

type AppInfo = ChannelOutput<'app.info'>;

const protectionLabels: Record<AppInfo['secretProtection'], string> = {
  os: 'Sign-ins are encrypted by your operating system',
  basic_text: 'Your system keyring is not available: sign-ins are kept for this session only',
  unavailable: 'Encryption is not available: sign-ins are kept for this session only',
};

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void budgetly()
      .app.info()
      .then((result) => (result.ok ? setInfo(result.value) : setError(result.error.message)));
  }, []);

  return (
    <main className="app">
      <h1>Budgetly</h1>
      {error && <p role="alert">{error}</p>}
      {info && (
        <footer className="app-footer">
          <span data-testid="app-version">Version {info.version}</span>
          <span data-testid="secret-protection" data-level={info.secretProtection}>
            {protectionLabels[info.secretProtection]}
          </span>
        </footer>
      )}
    </main>
  );
}
