import { Component, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { retryFailedParts } from './retryable-lazy';

/** What shows for the moment a part's code takes to load (from the app's own files: a few milliseconds). */
function PartLoading() {
  const { t } = useTranslation();
  return (
    <div className="part-loading" role="status" aria-busy="true">
      {t('loading')}
    </div>
  );
}

function PartFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="part-failed" role="alert" data-testid="part-failed">
      {t('partFailed')}{' '}
      <button type="button" onClick={onRetry}>
        {t('partRetry')}
      </button>
    </div>
  );
}

/**
 * A part whose code could not be loaded says so where it would have been, with a way to try again (the browser's own
 * message goes to the console, not to the accountant); the rest of the window works on.
 */
class PartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error('A part of the window could not be loaded:', error);
  }

  private readonly retry = () => {
    retryFailedParts();
    this.setState({ failed: false });
  };

  override render() {
    return this.state.failed ? <PartFailed onRetry={this.retry} /> : this.props.children;
  }
}

/**
 * Issue #19 (cold start): a part of the window the first screen does not show — a dialog, the report, an invoice's
 * details — is a chunk of its own (`lazy-parts.ts`), loaded when it is first opened. Wrap it in this.
 */
export function LazyPart({ children }: { children: ReactNode }) {
  return (
    <PartBoundary>
      <Suspense fallback={<PartLoading />}>{children}</Suspense>
    </PartBoundary>
  );
}
