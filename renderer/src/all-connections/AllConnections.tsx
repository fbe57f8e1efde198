import type { SortingState } from '@tanstack/react-table';
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection, Settings } from '../../../electron/contract';
import { DEFAULT_SORT } from '../../../electron/contract/invoice-order';
import { ALL_CONNECTIONS } from '../../../electron/contract/saved-view-limits';
import type { StatusKindMap } from '../../../electron/contract/invoice-status';
import { connectionTrouble, type ConnectionTrouble } from '../connections/connection-trouble';
import { useLocale } from '../i18n/locale-context';
import { hasActiveFilters, noFilters } from '../invoices/filters';
import { formatPlainDate, localTodayIso } from '../invoices/plain-date';
import type { SortSpec } from '../invoices/sort';
import { LazyPart } from '../shell/LazyPart';
import { DetailPanel } from '../shell/lazy-parts';
import { standingOf } from '../workspace/detail-standing';
import { EmptyState } from '../workspace/EmptyState';
import { FilterChips } from '../workspace/FilterChips';
import { FiltersPanel } from '../workspace/FiltersPanel';
import { InvoiceTable } from '../workspace/InvoiceTable';
import { ListLoadError, TotalsPending } from '../workspace/ListLoadNotes';
import { ListToolbar } from '../workspace/ListToolbar';
import { useFilters } from '../workspace/use-filters';
import { useInvoiceTable } from '../workspace/use-invoice-table';
import { useInvoiceView } from '../workspace/use-invoice-view';
import { useShortcuts } from '../workspace/use-shortcuts';
import { useFilterChipsOf } from '../workspace/use-filter-chips';
import { useWorkspaceViews } from '../views/use-workspace-views';
import { useStableHandler } from '../lib/use-stable-handler';
import { useWhenCurrent } from '../workspace/use-when-current';
import { AllConnectionsTopBar } from './AllConnectionsTopBar';
import { CombinedSummary } from './CombinedSummary';
import { combinedRules, type CombinedRow } from './combine-lists';
import { combinedExport } from './combined-export';
import { OrgBanners } from './OrgBanners';
import { OrgFeed } from './OrgFeed';
import { OrgChips, OrgFilter } from './OrgFilter';
import { orgColumn } from './org-column';
import { combinedPayments, valuesOfOrgs } from './org-values';
import { useOrgFeeds } from './use-org-feeds';
import './all-connections.css';
import { customerDirectory } from '../../../electron/contract/customer-directory';

interface Props {
  /** Every usable connection (two or more). */
  connections: readonly Connection[];
  settings: Settings;
  switcher: ReactNode;
  notices?: ReactNode;
  onUpdateSettings: (patch: Partial<Settings>) => void;
  /** Signs one org in again, staying in this view. */
  onReconnect: (connection: Connection) => void;
  onOpenSettings: () => void;
}

const defaultSorting: SortingState = [{ id: DEFAULT_SORT.column, desc: DEFAULT_SORT.desc }];

/**
 * "All connections" (#21): the invoices of every connected org in one grid with an Org column and an org filter;
 * totals and aging per currency across the orgs (and per org on demand), search, sort, filters, export and the
 * detail panel as in one org. Each org keeps its own list, sync and freshness (OrgFeed, one per connection); an
 * org that cannot be reached or needs a new sign-in keeps its rows, marked (README.md in this folder).
 */
export function AllConnections({ connections, settings, switcher, notices, onUpdateSettings, onReconnect, onOpenSettings }: Props) {
  const { t } = useTranslation(['allConnections', 'workspace', 'columns']);
  const locale = useLocale();
  const [picked, setPicked] = useState<string[]>([]);
  const feeds = useOrgFeeds(connections, picked);
  const [sorting, setSorting] = useState<SortingState>(defaultSorting);
  const [active, setActive] = useState(0);
  const toFirstRow = useCallback(() => setActive(0), []);
  // The filters panel is given every filter but the search (`others`): a keystroke does not render it again.
  const { filters, others, change: changeFilters, changeOthers, pickBucket, pickedBucket } = useFilters(toFirstRow);
  const [openId, setOpenId] = useState<string | null>(null);
  const [perOrg, setPerOrg] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement | null>(null);
  const setGridNode = useCallback((node: HTMLDivElement | null) => void (gridRef.current = node), []);

  const asOf = settings.agingAsOf ?? localTodayIso();
  const cutOff = settings.agingAsOf !== null;
  const { listState, kindsKey } = feeds;
  const partial = !listState.complete && listState.list !== null;
  const rules = useMemo(
    () => ({ ...combinedRules(JSON.parse(kindsKey) as Record<string, StatusKindMap>, settings.includeDrafts), cutOff }),
    [kindsKey, settings.includeDrafts, cutOff],
  );
  const sort = useMemo<SortSpec | null>(() => (sorting[0] ? { column: sorting[0].id as SortSpec['column'], desc: sorting[0].desc } : null), [sorting]);
  const view = useInvoiceView(feeds.rows, filters, sort, asOf, settings.agingBasis, !partial, rules);

  // Why an org's rows are as last synced (muted Org cell with a tooltip): the same reading as its banner.
  const trouble = useMemo(
    () => new Map<string, ConnectionTrouble>(connections.map((c) => [c.id, connectionTrouble(c, feeds.feeds[c.id]?.syncError ?? null)])),
    [connections, feeds.feeds],
  );
  const troubleKey = [...trouble.values()].join(',');
  const orgLabel = t('columns:org');
  const staleWords = useCallback((org: string, why: Exclude<ConnectionTrouble, null>) => (why === 'offline' ? t('staleOffline', { org }) : t('staleReconnect', { org })), [t]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the column follows the troubles' content (troubleKey), not the map's identity
  const leadColumns = useMemo(() => [orgColumn(orgLabel, staleWords, trouble)], [orgLabel, staleWords, troubleKey]);
  // Stable handlers for what is memoized below (the grid's header, the top bar, the aging date), as in one org's
  // workspace: a keystroke in the search box renders what shows its result, not those.
  const saveColumns = useStableHandler((visibleColumns: string[]) => onUpdateSettings({ visibleColumns }));
  const saveWidths = useStableHandler((columnWidths: Settings['columnWidths']) => onUpdateSettings({ columnWidths }));
  const changeAsOf = useStableHandler((agingAsOf: string | null) => onUpdateSettings({ agingAsOf }));
  const table = useInvoiceTable({
    rows: view.prepared.rows,
    asOfDay: view.asOfDay,
    rules,
    sorting,
    onSortingChange: (next) => {
      setSorting(next);
      setActive(0);
    },
    savedColumns: settings.visibleColumns,
    onColumnsChange: saveColumns,
    savedWidths: settings.columnWidths,
    onWidthsChange: saveWidths,
    leadColumns,
  });

  // Saved views of "All connections" (the core keeps them under ALL_CONNECTIONS): the Views menu, Ctrl+1…9, the
  // default view once every org's invoices are there, export / import; a view keeps the org filter too.
  const orgList = useMemo(() => connections.map((c) => ({ id: c.id, name: c.label })), [connections]);
  const views = useWorkspaceViews({
    connectionId: ALL_CONNECTIONS,
    ready: listState.complete,
    filters,
    changeFilters,
    sorting,
    setSorting,
    settings,
    onUpdateSettings,
    orgs: { connected: orgList, picked, setPicked },
    prepared: () => valuesOfOrgs(connections.map((c) => feeds.feeds[c.id]?.rows)),
    payments: combinedPayments(connections.map((c) => feeds.feeds[c.id]?.list?.payments)),
  });

  const rows = view.prepared.rows as readonly CombinedRow[];
  const shown = view.visible;
  const activeInRange = Math.min(active, Math.max(0, shown.length - 1));
  const openAt = (position: number) => {
    const index = shown[position];
    if (index !== undefined) setOpenId(rows[index]!.id);
  };
  const openIndex = useMemo(() => (openId ? rows.findIndex((row) => row.id === openId) : -1), [openId, rows]);
  const openRow = openIndex >= 0 ? rows[openIndex] : undefined;
  const total = rows.length;
  const canSync = connections.some((c) => c.status === 'connected');
  const syncing = connections.some((c) => feeds.feeds[c.id]?.syncing);
  const syncAll = useStableHandler(() => {
    for (const c of connections) if (c.status === 'connected') feeds.startSync(c.id);
  });
  useShortcuts({
    onFind: () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    },
    onSync: () => canSync && syncAll(),
    onEscape: () => {
      if (!openId) return false;
      setOpenId(null);
      gridRef.current?.focus();
      return true;
    },
  });
  const asOfLabel = formatPlainDate(asOf, locale);
  // One element per change of the orgs or the pick (the filters panel is memoized: its children are one of its props).
  const orgFilter = useMemo(
    () => <OrgFilter connections={connections} picked={picked} onChange={(next) => (setPicked(next), setActive(0))} />,
    [connections, picked],
  );
  // The chips' words, for the XLSX Summary sheet's Filters line (worded when the file is asked for).
  const chipsOf = useFilterChipsOf();
  const connectionIds = connections.map((c) => c.id);
  // Of the rows of the filters shown, also when asked while the rows are a deferred render behind them (useWhenCurrent).
  const exportView = useWhenCurrent(view.searchPending, () =>
    combinedExport({
      connections: connectionIds,
      rows,
      shown,
      columns: table.getVisibleLeafColumns().map((c) => c.id),
      asOf,
      balancesAsOf: cutOff,
      agingBasis: settings.agingBasis,
      includeDrafts: settings.includeDrafts,
      filters: [...connections.filter((c) => picked.includes(c.id)).map((c) => t('orgChip', { org: c.label })), ...chipsOf(filters).map((chip) => chip.label)],
    }),
  );
  const exportDisabled = partial || shown.length === 0;
  const exportConnection = connectionIds[0]!;
  const exportMenu = useMemo(() => ({ connectionId: exportConnection, currentView: exportView, disabled: exportDisabled }), [exportConnection, exportView, exportDisabled]);

  return (
    <div className="workspace-shell all-connections" data-testid="all-connections">
      {/* One org after another: each starts loading once the one before has its first rows (or failed), so the first
          org's copy is not read, decrypted and parsed while the others' are, and its first rows come first. */}
      {connections.map((connection, k) => {
        const before = k === 0 ? null : feeds.feeds[connections[k - 1]!.id];
        if (k > 0 && !before?.list && !before?.loadError) return null;
        return <OrgFeed key={connection.id} connection={connection} asOf={asOf} cutOff={cutOff} onState={feeds.onState} onControls={feeds.onControls} />;
      })}
      <AllConnectionsTopBar
        switcher={switcher}
        views={views.menu}
        syncing={syncing}
        canSync={canSync}
        onSyncAll={syncAll}
        exportMenu={exportMenu}
        onOpenSettings={onOpenSettings}
      />
      <OrgBanners
        orgs={connections.map((connection) => {
          const feed = feeds.feeds[connection.id];
          return { connection, syncError: feed?.syncError ?? null, load: feed?.loadError ? { error: feed.loadError, complete: feed.complete } : null };
        })}
        onReconnect={onReconnect}
        onRetrySync={feeds.startSync}
        onRetryLoad={feeds.retryLoad}
      />
      {notices}
      {views.notice}
      <div className={openRow ? 'workspace with-detail' : 'workspace'}>
        <fieldset className="until-loaded" disabled={partial}>
          <FiltersPanel filters={others} statuses={view.prepared.statuses} currencies={view.prepared.currencies} customers={customerDirectory(view.prepared.rows)} onChange={changeOthers}>
            {orgFilter}
          </FiltersPanel>
        </fieldset>
        <main className="main" aria-label={t('workspace:invoicesLabel')}>
          <ListToolbar
            list={listState}
            partial={partial}
            searchRef={searchRef}
            search={filters.search}
            searchPending={view.searchPending}
            onSearch={(search) => changeFilters({ ...filters, search })}
            onOpenFirst={() => {
              setActive(0);
              openAt(0);
            }}
            asOf={asOf}
            asOfIsToday={!cutOff}
            onAsOfChange={changeAsOf}
            table={table}
            visible={shown.length}
            total={total}
          >
            <button type="button" aria-pressed={perOrg} disabled={partial || total === 0} onClick={() => setPerOrg(!perOrg)} data-testid="per-org-toggle">
              {perOrg ? t('perOrgHide') : t('perOrgShow')}
            </button>
          </ListToolbar>
          <ListLoadError list={listState} />
          <OrgChips connections={connections} picked={picked} onChange={setPicked} />
          <FilterChips filters={filters} onChange={changeFilters} />
          <TotalsPending list={listState} />
          <CombinedSummary
            prepared={view.prepared}
            asOfDay={view.asOfDay}
            sums={view.sums}
            members={view.members}
            agingSet={view.agingSet}
            basis={settings.agingBasis}
            cutOff={cutOff}
            asOfLabel={asOfLabel}
            selected={pickedBucket}
            onPickBucket={pickBucket}
            perOrg={perOrg && !partial}
            connections={connections}
          />
          <InvoiceTable
            table={table}
            visible={shown}
            behind={view.searchPending}
            active={activeInRange}
            openId={openId}
            onActiveChange={setActive}
            onOpen={openAt}
            gridRef={setGridNode}
            compact={Boolean(openRow)}
            empty={
              <EmptyState
                hasInvoices={total > 0}
                filtered={hasActiveFilters(filters) || picked.length > 0}
                syncing={syncing}
                onClearFilters={() => (changeFilters(noFilters), setPicked([]))}
                onSync={syncAll}
              />
            }
          />
        </main>
        {/* Each row opens in its own org: its connection and its own record id. */}
        {openRow && (
          <LazyPart>
            <DetailPanel
              key={`${openRow.id}@${openRow.lastModified ?? ''}`}
              connectionId={openRow.connectionId}
              cached={{ ...openRow, id: openRow.sourceId }}
              onClose={() => setOpenId(null)}
              standing={standingOf(view.prepared, openIndex, view.asOfDay, settings.agingBasis)}
            />
          </LazyPart>
        )}
      </div>
    </div>
  );
}
