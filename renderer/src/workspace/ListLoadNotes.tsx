import type { InvoiceListState } from '../api/use-invoices';

/** A window of the list that could not be loaded: why, and a way to continue. */
export function ListLoadError({ list: { error, complete, retry } }: { list: InvoiceListState }) {
  if (!error) return null;
  return (
    <p className="banner banner-error" role="alert" data-testid="list-error">
      Budgetly could not load {complete ? 'the latest invoices' : 'the rest of the invoices'}: {error.message}{' '}
      <button type="button" onClick={retry}>
        Try again
      </button>
    </p>
  );
}

/** Where the totals will be, while the first load is still bringing the invoices they add up. */
export function TotalsPending({ list: { progress }, locale }: { list: InvoiceListState; locale: string | undefined }) {
  if (!progress) return null;
  return (
    <section className="summary" aria-busy="true" data-testid="summary-loading">
      <p className="hint">Totals and aging by currency appear when all {progress.total.toLocaleString(locale)} invoices are loaded.</p>
    </section>
  );
}
