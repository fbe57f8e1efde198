import type { AppInfo } from '../api/use-app';

export const protectionLabels: Record<AppInfo['secretProtection'], string> = {
  os: 'Sign-ins encrypted by your operating system',
  basic_text: 'No system keyring: sign-ins kept for this session only',
  unavailable: 'Encryption unavailable: sign-ins kept for this session only',
};

/** App version and how sign-ins are protected, always visible at the bottom. */
export function StatusBar({ info, allowWeakStorage, children }: { info: AppInfo | null; allowWeakStorage: boolean; children?: React.ReactNode }) {
  const label = info && (info.secretProtection !== 'os' && allowWeakStorage ? 'No system keyring: sign-ins stored with weaker protection' : protectionLabels[info.secretProtection]);
  return (
    <footer className="status-bar">
      <span className="status-bar-main">{children}</span>
      {info && (
        <>
          <span data-testid="secret-protection" data-level={info.secretProtection}>
            {label}
          </span>
          <span data-testid="app-version">Budgetly {info.version}</span>
        </>
      )}
    </footer>
  );
}
