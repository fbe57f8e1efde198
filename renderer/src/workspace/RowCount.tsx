import type { InvoiceListState } from '../api/use-invoices';

interface Props {
  list: InvoiceListState;
  /** Rows shown (after search and filters) and rows in all. */
  visible: number;
  total: number;
  locale: string | undefined;
}

/** The count only once it is the count: while loading it says how far the loading is. */
export function RowCount({ list: { list, complete, progress, loading }, visible, total, locale }: Props) {
  const partial = !complete && list !== null;
  return (
    <span
      className="row-count"
      role="status"
      data-testid="row-count"
      data-complete={list !== null && complete}
      aria-busy={partial || undefined}
      {...(!partial && { 'data-visible': visible, 'data-total': total })}
    >
      {progress ? (
        <>
          Loading invoices… {progress.loaded.toLocaleString(locale)} of {progress.total.toLocaleString(locale)}{' '}
          <progress value={progress.loaded} max={progress.total} aria-label="Invoices loaded" data-testid="list-progress" />
        </>
      ) : loading && !list ? (
        'Loading…'
      ) : (
        `${visible.toLocaleString(locale)} of ${total.toLocaleString(locale)} invoices`
      )}
    </span>
  );
}
