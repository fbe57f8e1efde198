import { Component, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What shows for the moment a part's code takes to load (from the app's own files: a few milliseconds). */
function PartLoading() {
  const { t } = useTranslation();
  return (
    <div className="part-loading" role="status" aria-busy="true">
      {t('loading')}
    </div>
  );
}

function PartFailed({ reason }: { reason: string }) {
  const { t } = useTranslation();
  return (
    <div className="part-failed" role="alert">
      {t('partFailed', { reason })}
    </div>
  );
}

/** A part whose code could not be loaded says so where it would have been; the rest of the window works on. */
class PartBoundary extends Component<{ children: ReactNode }, { reason: string | null }> {
  override state = { reason: null as string | null };

  static getDerivedStateFromError(error: unknown) {
    return { reason: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    return this.state.reason !== null ? <PartFailed reason={this.state.reason} /> : this.props.children;
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
