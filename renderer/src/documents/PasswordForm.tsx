import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A password-protected PDF: asks for its password (kept in memory only while the viewer is open). */
export function PasswordForm({ wrong, onSubmit }: { wrong: boolean; onSubmit: (password: string) => void }) {
  const { t } = useTranslation('documentViewer');
  const id = useId();
  const [value, setValue] = useState('');
  return (
    <form
      className="pdf-password"
      data-testid="pdf-password"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(value);
      }}
    >
      <p role="alert" data-testid="pdf-password-message">
        {wrong ? t('wrongPassword') : t('passwordProtected')}
      </p>
      <label htmlFor={id}>{t('password')}</label>
      <input id={id} type="password" autoComplete="off" autoFocus value={value} onChange={(e) => setValue(e.target.value)} data-testid="pdf-password-input" />
      <button type="submit" className="primary" disabled={value === ''}>
        {t('openWithPassword')}
      </button>
    </form>
  );
}
