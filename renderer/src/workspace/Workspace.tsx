import type { SortingState } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection, Settings } from '../../../electron/contract';
import type { ColumnWidths } from '../../../electron/contract/column-widths';
import { DEFAULT_SORT } from '../../../electron/contract/invoice-order';
import type { StatusKindMap } from '../../../electron/contract/invoice-status';
import type { CustomerRef } from '../../../electron/contract/customer-aging';
import type { AppInfo } from '../api/use-app';
import { useBalancesAsOf } from '../api/use-balances-as-of';
import { useInvoiceList, useSync } from '../api/use-invoices';
import { useLocale } from '../i18n/locale-context';
import { rowsAsOf } from '../invoices/as-of';
import { isPaymentColumn } from '../invoices/columns';
import { hasActiveFilters, noFilters } from '../invoices/filters';
import { formatPlainDate, localTodayIso } from '../invoices/plain-date';
import type { SortColumn, SortSpec } from '../invoices/sort';
import { AsOfNote } from './AsOfNote';
import { Banners } from './Banners';
import { standingOf } from './detail-standing';
import { EmptyState } from './EmptyState';
import { FilterChips } from './FilterChips';
import { FiltersPanel } from './FiltersPanel';
import { GroupByCustomerToggle } from './GroupByCustomerToggle';
import { InvoiceTable } from './InvoiceTable';
import { createListParts } from './list-parts';
import type { LoadRules } from './list-sums';
import { ListLoadError, ListLoading, TotalsPending } from './ListLoadNotes';
import { ListToolbar } from './ListToolbar';
import { useCustomerGroups } from './use-customer-groups';
import { useInvoiceTable } from './use-invoice-table';
import { useInvoiceView } from './use-invoice-view';
import { useChaseSort } from './use-chase-sort';
import { useFilters } from './use-filters';
import { WorkspaceSummary } from './WorkspaceSummary';
import { useExportRequest } from './use-export-request';
import { useWorkspaceViews } from '../views/use-workspace-views';
import { DefaultViewPending } from '../views/DefaultViewPending';
import { useShortcuts } from './use-shortcuts';
import { useStableHandler } from '../lib/use-stable-handler';
import { useWhenCurrent } from './use-when-current';
import { useLastVisit } from './use-last-visit';
import { useWorkspaceSync } from './use-workspace-sync';
import { WorkspaceTopBar } from './WorkspaceTopBar';
import { useKeptSelection } from '../freshness/use-kept-selection';
import { PaymentFiguresNote } from '../receivables/PaymentFiguresNote';
import { accountName } from '../receivables/account-name';
import { StatementsButton } from '../statements/StatementsButton';
import { customersOf } from '../statements/customers-of';
import { useRecentChanges } from '../freshness/use-recent-changes';
import { useCorporateView } from '../currency/use-corporate-view';
import { CurrencyViewControl } from '../currency/CurrencyViewControl';
import { ConversionLine } from '../currency/ConversionLine';
import { LazyPart } from '../shell/LazyPart';
import { AgingByCustomer, CustomerView, DetailPanel } from '../shell/lazy-parts';
import { ReportButton } from '../report/ReportButton';
import { useAgingReport } from '../report/use-aging-report';
import { customerDirectory, customerFilterOf } from '../../../electron/contract/customer-directory';

interface Props {
  connection: Connection;
  info: AppInfo | null;
  settings: Settings;
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

/** The grid's rows while the default view waits for every invoice (none: see DefaultViewPending). */
const NO_ROWS = new Uint32Array(0);

/** The screen accountants live in: the invoices of one connection, filtered, totalled, aged, exported. */
export function Workspace({ connection, info, settings, switcher, notices, onUpdateSettings, onReconnect, onOpenSettings, overlay }: Props) {
  const { t } = useTranslation('workspace');
  const locale = useLocale();
  const connectionId = connection.id;
  // What the first complete render needs of every row is made window by window as the list loads (list-parts.ts), its
  // sums under the view's rules of that moment (list-sums.ts: kept for exactly those rules, else added up as before).
  const loadRules = useRef<LoadRules | null>(null);
  const windowParts = useCallback(() => createListParts(() => loadRules.current), []);
  const invoiceList = useInvoiceList(connectionId, windowParts);
  const { list, complete } = invoiceList;
  const sync = useSync(connectionId);
  const [sorting, setSorting] = useState<SortingState>(defaultSorting);
  const [active, setActive] = useState(0);
  const toFirstRow = useCallback(() => setActive(0), []);
  const { filters, others, change: changeFilters, changeOthers, pickBucket, pickAnyBucket, pickedBucket } = useFilters(toFirstRow);
  const adoptChase = useChaseSort(filters, sorting, setSorting);
  const [openId, setOpenId] = useState<string | null>(null);
  // The customer whose view is open (issue 13): their invoices, balances, payments and credits.
  // By account id when the copy has it (two accounts of one name are two customers), else by name.
  const [customer, setCustomer] = useState<CustomerRef | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const setGridNode = useCallback((node: HTMLDivElement | null) => {
    gridRef.current = node;
  }, []);

  const asOf = settings.agingAsOf ?? localTodayIso();
  // Balances as of the aging date, from the applications synced with their dates (once every row is there).
  // Today's view shows the balances Salesforce states (an application made this evening may carry tomorrow's UTC day).
  const cutOff = settings.agingAsOf !== null;
  const asOfBalances = useBalancesAsOf(connectionId, asOf, cutOff && list && complete ? list.version : null);
  const rowsOfDate = useMemo(() => rowsAsOf(list?.invoices, asOfBalances?.balances, asOfBalances?.figures), [list?.invoices, asOfBalances]);
  const sort = useMemo<SortSpec | null>(() => (sorting[0] ? { column: sorting[0].id as SortColumn, desc: sorting[0].desc } : null), [sorting]);
  // The first rows of the first load are on screen, the rest is still coming: nothing that needs every row may show yet.
  const partial = !complete && list !== null;
  // Keyed by content: a reload that changed nothing brings an equal map, and the rows are not prepared again.
  const kindsKey = JSON.stringify(list?.statusKinds ?? {});
  const rules = useMemo(
    () => ({ statusKinds: JSON.parse(kindsKey) as StatusKindMap, includeDrafts: settings.includeDrafts, cutOff }),
    [kindsKey, settings.includeDrafts, cutOff],
  );
  const view = useInvoiceView(rowsOfDate, filters, sort, asOf, settings.agingBasis, !partial, rules);
  useEffect(() => {
    loadRules.current = list ? { ...rules, asOfDay: view.asOfDay, basis: settings.agingBasis, cutOff } : null;
  });
  // An account renamed in Salesforce: the view (and its statement) is headed with its name now, whichever row was clicked.
  const openCustomer = (name: string, account?: string) => setCustomer(account ? { name: accountName(view.prepared.rows, account, name), account } : { name });
  // "Show in" the corporate currency (issue #14): converted figures beside the per-currency ones.
  const corporate = useCorporateView({ connectionId, prepared: view.prepared, asOf });
  // The controller's report (aging by customer) shows in place of the grid; its drill-down sets the customer filter.
  const report = useAgingReport({
    prepared: view.prepared, agingSet: view.agingSet, asOfDay: view.asOfDay, basis: settings.agingBasis, converted: corporate.converted, filters, changeFilters,
  });
  // Stable handlers for what is memoized below (the grid's header, the top bar, the aging date): a keystroke in the
  // search box renders what shows its result, not those.
  const saveColumns = useStableHandler((visibleColumns: string[]) => onUpdateSettings({ visibleColumns }));
  const saveWidths = useStableHandler((columnWidths: ColumnWidths) => onUpdateSettings({ columnWidths }));
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
  });

  // Grouped by customer, the grid's invoices are the groups' (in their order, collapsed ones left out): the active row is one of them.
  const grouping = useCustomerGroups(view.prepared, view.visible, setActive);
  const shown = grouping.groups?.order ?? view.visible;
  // Saved views (issue #21): the Views menu, its notices, Ctrl+1…9 and the default view once every invoice is there.
  const views = useWorkspaceViews({
    connectionId, ready: list !== null && complete, filters, changeFilters, adoptChase, sorting, setSorting, settings, onUpdateSettings,
    currency: corporate, grouping, prepared: view.prepared, payments: list?.payments,
  });
  // A list that failed to load cannot open the default view: the rows that did arrive show (with the error's Try again).
  const holdForView = views.pending !== null && !invoiceList.error;
  const activeInRange = Math.min(active, Math.max(0, shown.length - 1));
  // A background sync reloads the rows in place: the selection follows its invoice; changed rows flash.
  useKeptSelection(view.prepared.rows, shown, activeInRange, setActive);
  // A new as-of date is a new view (other invoices, other balances), like a filter: back to its first row. After the
  // kept selection (declared above), which would otherwise follow the old first row into the new rows.
  const asOfView = `${asOf}|${cutOff}`;
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the rows of the new date arrive with the settings; the selection must move after them
  useEffect(() => setActive(0), [asOfView]);
  const recent = useRecentChanges(connectionId);
  const canSync = connection.status === 'connected';
  const lastSyncedAt = list?.syncedAt ?? connection.lastSyncAt ?? null;
  // "Changed since…" starts from the user's last visit to this connection's workspace: the sync of the copy they saw.
  const lastVisit = useLastVisit(connectionId, lastSyncedAt, settings.lastVisits, onUpdateSettings);
  useWorkspaceSync(connection.status, list !== null && complete, sync);

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

  const rows = view.prepared.rows;
  const total = rows.length;
  const openAt = (position: number) => {
    const index = shown[position];
    if (index !== undefined) setOpenId(rows[index]!.id);
  };
  const exportRequest = useExportRequest({
    columns: () => table.getVisibleLeafColumns().map((c) => c.id), rowIds: () => Array.from(report.open ? view.agingSet : view.visible, (i) => rows[i]!.id),
    asOf, cutOff, settings, applied: report.applied, report: report.open, conversion: corporate.converted ? corporate.view.basis : null,
  });
  // An export or statements asked while the rows are a deferred render behind the filters take the rows of the filters.
  const currentView = useWhenCurrent(view.searchPending, exportRequest);
  const customersShown = useWhenCurrent(view.searchPending, () => customersOf(rows, report.open ? view.agingSet : view.visible));
  // Found once per change of the rows or the open invoice (the detail's standing and conversion line need its index).
  const openIndex = useMemo(() => (openId ? rows.findIndex((row) => row.id === openId) : -1), [openId, rows]);
  const openRow = openIndex >= 0 ? rows[openIndex] : undefined;
  const filtered = hasActiveFilters(filters);
  const paymentColumnShown = table.getVisibleLeafColumns().some((c) => isPaymentColumn(c.id));
  const asOfLabel = formatPlainDate(asOf, locale);

  return (
    <div className="workspace-shell">
      <WorkspaceTopBar
        connection={connection}
        switcher={switcher}
        views={views.menu}
        sync={sync}
        canSync={canSync}
        lastSyncedAt={lastSyncedAt}
        lastChange={recent.last}
        currentView={currentView}
        exportDisabled={partial || view.visible.length === 0}
        exportReport={report.open}
        onOpenSettings={onOpenSettings}
      />
      <Banners
        connection={connection}
        syncError={sync.error}
        secretProtection={info?.secretProtection ?? null}
        allowWeakStorage={settings.allowWeakStorage}
        lastSyncedAt={lastSyncedAt}
        hasCache={total > 0}
        onReconnect={onReconnect}
        onRetrySync={sync.start}
        onOpenSettings={onOpenSettings}
      />
      {notices}
      <div className={openRow ? 'workspace with-detail' : 'workspace'}>
        {/* Until every invoice is loaded, search and filters would work on a part of them: their controls wait (a disabled fieldset, no box of its own). */}
        <fieldset className="until-loaded" disabled={partial}>
          {/* #19: the first window paints with the least work — the panel (its lists need every invoice) keeps its place empty until then. */}
          {partial ? (
            <aside className="filters" aria-busy="true" data-testid="filters-pending" />
          ) : (
            <FiltersPanel filters={others} statuses={view.prepared.statuses} currencies={view.prepared.currencies} customers={customerDirectory(view.prepared.rows)} payments={list?.payments} onChange={changeOthers} lastVisit={lastVisit} />
          )}
        </fieldset>
        <main className="main" aria-label={t('invoicesLabel')}>
          <ListToolbar
            list={invoiceList}
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
            asOfIsToday={settings.agingAsOf === null}
            onAsOfChange={changeAsOf}
            table={table}
            visible={view.visible.length}
            total={total}
          >
            <ReportButton open={report.open} disabled={partial || total === 0} onToggle={report.setOpen} />
            <StatementsButton connectionId={connectionId} asOf={asOf} customers={customersShown} disabled={partial || view.visible.length === 0} />
            <GroupByCustomerToggle
              on={grouping.on}
              disabled={partial || total === 0 || report.open}
              onToggle={(on) => {
                grouping.setOn(on);
                setActive(0);
              }}
            />
          </ListToolbar>
          <ListLoadError list={invoiceList} />
          <AsOfNote asOfLabel={cutOff ? asOfLabel : null} later={view.laterCount} fromApplications={asOfBalances ? asOfBalances.applications : null} />
          <FilterChips filters={filters} onChange={changeFilters} />
          {views.notice}
          <TotalsPending list={invoiceList} />
          <PaymentFiguresNote state={list?.payments} shown={paymentColumnShown} />
          {/* Only when there is a corporate currency to show in: a single-currency org (or one whose rates the user cannot
              read) gets no control it cannot use — a disabled select inside a disabled fieldset also failed axe's contrast check. */}
          {corporate.corporate !== null && (
            <CurrencyViewControl corporate={corporate.corporate} view={corporate.view} asOfLabel={asOfLabel} onChange={corporate.change} />
          )}
          {/* The summary (notices, the corporate card, the per-currency cards): from 20,000 invoices a keystroke's frame
              paints the search box, the grid's rows and the count, and the summary follows in a render of its own. */}
          <WorkspaceSummary
            prepared={view.prepared}
            asOfDay={view.asOfDay}
            sums={view.sums}
            members={view.members}
            agingSet={view.agingSet}
            basis={settings.agingBasis}
            cutOff={cutOff}
            ready={!partial}
            asOfLabel={asOfLabel}
            converted={corporate.converted}
            table={corporate.table}
            corporate={corporate.corporate}
            ratesState={corporate.state}
            flagged={corporate.flagged}
            wanted={corporate.view.showIn === 'corporate'}
            picked={pickedBucket}
            onPickBucket={pickBucket}
            pickedAny={filters.currencies.length === 0 ? filters.aging : null}
            onPickAnyBucket={pickAnyBucket}
          />
          {report.open ? (
            <LazyPart>
              <AgingByCustomer
                tables={report.tables}
                corporate={report.corporate}
                asOfLabel={asOfLabel}
                basis={settings.agingBasis}
                onDrill={report.drill}
                onClose={() => report.setOpen(false)}
              />
            </LazyPart>
          ) : (
            <InvoiceTable
              table={table}
              visible={holdForView ? NO_ROWS : shown}
              behind={view.searchPending}
              groups={grouping.groups}
              onToggleGroup={(key) => grouping.toggle(key, shown[activeInRange])}
              active={activeInRange}
              openId={openId}
              onActiveChange={setActive}
              onOpen={openAt}
              gridRef={setGridNode}
              highlighted={recent.highlighted}
              compact={Boolean(openRow)}
              onOpenCustomer={partial ? undefined : openCustomer}
              empty={
                holdForView && views.pending ? (
                  <DefaultViewPending name={views.pending.name} />
                ) : list === null && invoiceList.loading ? (
                  <ListLoading />
                ) : (
                  <EmptyState hasInvoices={total > 0} filtered={filtered} syncing={sync.running} onClearFilters={() => changeFilters(noFilters)} onSync={sync.start} />
                )
              }
            />
          )}
        </main>
        {/* Keyed by the modification time too: a sync that changed the open invoice shows its new values (and lines). */}
        {openRow && (
          <LazyPart>
            <DetailPanel
              key={`${openRow.id}@${openRow.lastModified ?? ''}`}
              connectionId={connectionId}
              cached={openRow}
              onClose={() => setOpenId(null)}
              conversion={corporate.converted ? <ConversionLine corporate={corporate} index={openIndex} /> : undefined}
              standing={standingOf(view.prepared, openIndex, view.asOfDay, settings.agingBasis)}
              onOpenCustomer={partial ? undefined : openCustomer}
            />
          </LazyPart>
        )}
      </div>
      {customer !== null && (
        <LazyPart>
          <CustomerView
            connectionId={connectionId}
            customer={customer}
            prepared={view.prepared}
            asOfDay={view.asOfDay}
            asOf={asOf}
            basis={settings.agingBasis}
            cutOffDay={cutOff ? view.asOfDay : Infinity}
            version={list?.version ?? ''}
            onClose={() => setCustomer(null)}
            onOpenInvoice={setOpenId}
            onShowInList={() => changeFilters({ ...filters, customer: customerFilterOf(customer, customerDirectory(view.prepared.rows)) })}
          />
        </LazyPart>
      )}
      {overlay?.({ start: sync.start, running: sync.running })}
    </div>
  );
}
