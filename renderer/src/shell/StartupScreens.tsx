import { useTranslation } from 'react-i18next';

/** What the window shows before the workspace: loading, or why Budgetly could not start. */
export function StartFailed({ reason }: { reason: string }) {
  const { t } = useTranslation();
  return (
    <main className="center" role="alert">
      {t('couldNotStart', { reason })}
    </main>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <main className="center" aria-busy="true">
      {t('loading')}
    </main>
  );
}
