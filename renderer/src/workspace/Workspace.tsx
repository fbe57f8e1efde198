import type { SortingState } from '@tanstack/react-table';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Connection, ExportColumn, Settings } from '../../../electron/contract';
import { DEFAULT_SORT } from '../../../electron/contract/invoice-order';
import type { AppInfo } from '../api/use-app';
import { useInvoiceList, useSync } from '../api/use-invoices';
import type { AgingBucketKey } from '../invoices/aging';
import { hasActiveFilters, noFilters, type InvoiceFilters } from '../invoices/filters';
import { formatPlainDate, localTodayIso } from '../invoices/plain-date';
import type { SortColumn, SortSpec } from '../invoices/sort';
import { Banners } from './Banners';
import { ColumnsMenu } from './ColumnsMenu';
import { CurrencySummary } from './CurrencySummary';
import { DetailPanel } from './DetailPanel';
import { EmptyState } from './EmptyState';
import { ExportMenu } from './ExportMenu';
import { FilterChips } from './FilterChips';
import { FiltersPanel } from './FiltersPanel';
import { InvoiceTable } from './InvoiceTable';
import { SearchBox } from './SearchBox';
import { SyncControls } from './SyncControls';
import { useInvoiceTable } from './use-invoice-table';
import { useInvoiceView } from './use-invoice-view';
import { useShortcuts } from './use-shortcuts';
import { UpdatedIndicator } from '../freshness/UpdatedIndicator';
import { useKeptSelection } from '../freshness/use-kept-selection';
import { useRecentChanges } from '../freshness/use-recent-changes';

interface Props {
  connection: Connection;
  info: AppInfo | null;
  settings: Settings;
  locale: string | undefined;
  switcher: ReactNode;
  /** Shown under the banners (e.g. a sign-in in progress). */
  notices?: ReactNode;
  onUpdateSettings: (patch: Partial<Settings>) => void;
  onReconnect: () => void;
  onOpenSettings: () => void;
  /** Dialogs that act on this connection and may start its sync (e.g. the invoice source). */
  overlay?: (sync: { start: () => void; running: boolean }) => ReactNode;
}

// The order the core sends the list in (shared with it), so the first rows shown are the top of this sort.
const defaultSorting: SortingState = [{ id: DEFAULT_SORT.column, desc: DEFAULT_SORT.desc }];

/** The screen accountants live in: the invoices of one connection, filtered, totalled, aged, exported. */
export function Workspace({ connection, info, settings, locale, switcher, notices, onUpdateSettings, onReconnect, onOpenSettings, overlay }: Props) {
  const connectionId = connection.id;
  const { list, loading, complete, progress, error: listError, retry } = useInvoiceList(connectionId);
  const sync = useSync(connectionId);
  const [filters, setFilters] = useState<InvoiceFilters>(noFilters);
  const [sorting, setSorting] = useState<SortingState>(defaultSorting);
  const [active, setActive] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);

  const asOf = settings.agingAsOf ?? localTodayIso();
  const sort = useMemo<SortSpec | null>(() => (sorting[0] ? { column: sorting[0].id as SortColumn, desc: sorting[0].desc } : null), [sorting]);
  // The first rows of the first load are on screen, the rest is still coming: nothing that needs every row may show yet.
  const partial = !complete && list !== null;
  const view = useInvoiceView(list?.invoices, filters, sort, asOf, settings.agingBasis, !partial);
  const table = useInvoiceTable({
    rows: view.prepared.rows,
    locale,
    asOfDay: view.asOfDay,
    sorting,
    onSortingChange: (next) => {
      setSorting(next);
      setActive(0);
    },
    savedColumns: settings.visibleColumns,
    onColumnsChange: (visibleColumns) => onUpdateSettings({ visibleColumns }),
  });

  const activeInRange = Math.min(active, Math.max(0, view.visible.length - 1));
  // A background sync reloads the rows in place: the selection follows its invoice; changed rows flash.
  useKeptSelection(view.prepared.rows, view.visible, activeInRange, setActive);
  const recent = useRecentChanges(connectionId);
  const canSync = connection.status === 'connected';
  const lastSyncedAt = list?.syncedAt ?? connection.lastSyncAt ?? null;

  // Signed in again: an earlier "reconnect needed" failure no longer applies, and the data is refreshed.
  const previousStatus = useRef(connection.status);
  const { clearError, start } = sync;
  useEffect(() => {
    if (connection.status === 'connected' && previousStatus.current !== 'connected') {
      clearError();
      start();
    }
    previousStatus.current = connection.status;
  }, [connection.status, clearError, start]);

  // Opening a connected org refreshes it once (the first time in full, later only what changed);
  // the cached invoices are on screen meanwhile (all of them: the sync's reload would restart their loading).
  const autoSynced = useRef(false);
  useEffect(() => {
    if (!autoSynced.current && list && complete && canSync) {
      autoSynced.current = true;
      start();
    }
  }, [list, complete, canSync, start]);

  useShortcuts({
    onFind: () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    },
    onSync: () => canSync && sync.start(),
    onEscape: () => {
      if (!openId) return false;
      setOpenId(null);
      gridRef.current?.focus();
      return true;
    },
  });

  const changeFilters = (next: InvoiceFilters) => {
    setFilters(next);
    setActive(0);
  };
  const openAt = (position: number) => {
    const index = view.visible[position];
    if (index !== undefined) setOpenId(view.prepared.rows[index]!.id);
  };
  const pickBucket = (currency: string, bucket: AgingBucketKey) => {
    const same = filters.aging === bucket && filters.currencies.length === 1 && filters.currencies[0] === currency;
    changeFilters(same ? { ...filters, aging: null, currencies: [] } : { ...filters, aging: bucket, currencies: [currency] });
  };
  const currentView = () => ({
    ids: Array.from(view.visible, (i) => view.prepared.rows[i]!.id),
    columns: table.getVisibleLeafColumns().map((c) => c.id as ExportColumn),
    asOf,
  });
  const total = view.prepared.rows.length;
  const rows = view.prepared.rows;
  const openRow = useMemo(() => (openId ? rows.find((row) => row.id === openId) : undefined), [openId, rows]);
  const filtered = hasActiveFilters(filters);
  const asOfLabel = formatPlainDate(asOf, locale);

  return (
    <div className="workspace-shell">
      <header className="topbar">
        <span className="brand" aria-hidden="true">
          Budgetly
        </span>
        {switcher}
        <div className="spacer" />
        <UpdatedIndicator last={recent.last} locale={locale} />
        <SyncControls sync={sync} lastSyncedAt={lastSyncedAt} locale={locale} disabled={!canSync} />
        <ExportMenu connectionId={connectionId} currentView={currentView} locale={locale} disabled={partial || view.visible.length === 0} />
        <button type="button" onClick={onOpenSettings} data-testid="open-settings">
          Settings
        </button>
      </header>
      <Banners
        connection={connection}
        syncError={sync.error}
        secretProtection={info?.secretProtection ?? null}
        allowWeakStorage={settings.allowWeakStorage}
        lastSyncedAt={lastSyncedAt}
        hasCache={total > 0}
        locale={locale}
        onReconnect={onReconnect}
        onRetrySync={sync.start}
        onOpenSettings={onOpenSettings}
      />
      {notices}
      <div className={openRow ? 'workspace with-detail' : 'workspace'}>
        {/* Until every invoice is loaded, search and filters would work on a part of them: their controls wait (a disabled fieldset, no box of its own). */}
        <fieldset className="until-loaded" disabled={partial}>
          <FiltersPanel filters={filters} statuses={view.prepared.statuses} currencies={view.prepared.currencies} onChange={changeFilters} />
        </fieldset>
        <main className="main" aria-label="Invoices">
          <div className="toolbar">
            <fieldset className="until-loaded" disabled={partial}>
              <SearchBox ref={searchRef} value={filters.search} onChange={(search) => changeFilters({ ...filters, search })} pending={view.searchPending} />
            </fieldset>
            <label className="as-of-inline">
              Aging as of
              <input
                type="date"
                value={asOf}
                onChange={(e) => onUpdateSettings({ agingAsOf: e.target.value || null })}
                data-testid="as-of"
              />
              {settings.agingAsOf === null && <span className="hint">(today)</span>}
            </label>
            <ColumnsMenu table={table} />
            {/* The count only once it is the count: while loading it says how far the loading is. */}
            <span
              className="row-count"
              role="status"
              data-testid="row-count"
              data-complete={list !== null && complete}
              aria-busy={partial || undefined}
              {...(!partial && { 'data-visible': view.visible.length, 'data-total': total })}
            >
              {progress ? (
                <>
                  Loading invoices… {progress.loaded.toLocaleString(locale)} of {progress.total.toLocaleString(locale)}{' '}
                  <progress value={progress.loaded} max={progress.total} aria-label="Invoices loaded" data-testid="list-progress" />
                </>
              ) : loading && !list ? (
                'Loading…'
              ) : (
                `${view.visible.length.toLocaleString(locale)} of ${total.toLocaleString(locale)} invoices`
              )}
            </span>
          </div>
          {listError && (
            <p className="banner banner-error" role="alert" data-testid="list-error">
              Budgetly could not load {complete ? 'the latest invoices' : 'the rest of the invoices'}: {listError.message}{' '}
              <button type="button" onClick={retry}>
                Try again
              </button>
            </p>
          )}
          <FilterChips filters={filters} locale={locale} onChange={changeFilters} />
          {progress && (
            <section className="summary" aria-busy="true" data-testid="summary-loading">
              <p className="hint">Totals and aging by currency appear when all {progress.total.toLocaleString(locale)} invoices are loaded.</p>
            </section>
          )}
          <CurrencySummary
            totals={view.totals}
            aging={view.aging}
            locale={locale}
            asOfLabel={asOfLabel}
            selected={filters.aging && filters.currencies.length === 1 ? { currency: filters.currencies[0]!, bucket: filters.aging } : null}
            onPickBucket={pickBucket}
          />
          <InvoiceTable
            table={table}
            visible={view.visible}
            active={activeInRange}
            openId={openId}
            onActiveChange={setActive}
            onOpen={openAt}
            gridRef={gridRef}
            highlighted={recent.highlighted}
            compact={Boolean(openRow)}
            empty={<EmptyState hasInvoices={total > 0} filtered={filtered} syncing={sync.running} onClearFilters={() => changeFilters(noFilters)} onSync={sync.start} />}
          />
        </main>
        {/* Keyed by the modification time too: a sync that changed the open invoice shows its new values (and lines). */}
        {openRow && (
          <DetailPanel key={`${openRow.id}@${openRow.lastModified ?? ''}`} connectionId={connectionId} cached={openRow} locale={locale} onClose={() => setOpenId(null)} />
        )}
      </div>
      {overlay?.({ start: sync.start, running: sync.running })}
    </div>
  );
}
