interface Props {
  hasInvoices: boolean;
  filtered: boolean;
  syncing: boolean;
  onClearFilters: () => void;
  onSync: () => void;
}

/** What the table says when it has no rows to show, and what to do about it. */
export function EmptyState({ hasInvoices, filtered, syncing, onClearFilters, onSync }: Props) {
  if (hasInvoices && filtered) {
    return (
      <p className="empty" data-testid="empty-filtered">
        No invoices match these filters —{' '}
        <button type="button" className="link" onClick={onClearFilters}>
          clear filters
        </button>
      </p>
    );
  }
  if (syncing) return <p className="empty">Fetching your invoices from Salesforce…</p>;
  return (
    <p className="empty" data-testid="empty-none">
      No invoices here yet.{' '}
      <button type="button" className="link" onClick={onSync}>
        Sync now
      </button>{' '}
      to fetch them from Salesforce.
    </p>
  );
}
