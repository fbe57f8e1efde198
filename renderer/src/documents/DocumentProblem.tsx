import { useTranslation } from 'react-i18next';

/** Why the PDF is not shown, said plainly, with "Try again" when asking again can help. */
export function DocumentProblem({ message, onRetry, kind }: { message: string; onRetry?: () => void; kind: string }) {
  const { t } = useTranslation('documentViewer');
  return (
    <div className="pdf-problem" role="alert" data-testid="pdf-problem" data-kind={kind}>
      <p>{message}</p>
      {onRetry && (
        <button type="button" onClick={onRetry} data-testid="pdf-retry">
          {t('tryAgain')}
        </button>
      )}
    </div>
  );
}
