import type { BridgeError } from '../api/result';
import { useTranslation } from 'react-i18next';

interface Props {
  /** What could not be loaded: the title says it in a whole sentence ("Budgetly could not load your settings"). */
  failed: 'settings' | 'connections';
  error: BridgeError;
  onRetry: () => void;
}

/** Something the app needs before any screen could not be loaded: what failed, why, and a way to ask again. */
export function LoadFailure({ failed, error, onRetry }: Props) {
  const { t } = useTranslation();
  const title = failed === 'settings' ? t('settingsFailed') : t('connectionsFailed');
  return (
    <main className="center" aria-labelledby="load-failure-title">
      <section className="load-failure" role="alert" data-testid="load-failure">
        <h1 id="load-failure-title">{title}</h1>
        <p>{error.message}</p>
        <p className="hint">{t('nothingChanged')}</p>
        {/* Focused at once (there is nothing else to do here): the keyboard's next Enter asks again. */}
        <button type="button" className="primary" onClick={onRetry} autoFocus data-testid="load-retry">
          {t('tryAgain')}
        </button>
      </section>
    </main>
  );
}
