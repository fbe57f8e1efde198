import type { SortingState } from '@tanstack/react-table';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useStableHandler } from '../lib/use-stable-handler';
import type { InvoiceListRow, PaymentFiguresState, SavedView, Settings } from '../../../electron/contract';
import { customerDirectory } from '../../../electron/contract/customer-directory';
import { ownCurrencies, type CurrencyView } from '../currency/currency-view';
import type { InvoiceFilters } from '../invoices/filters';
import { LazyPart } from '../shell/LazyPart';
import { ManageViewsDialog, SaveViewDialog } from '../shell/lazy-parts';
import { useSavedViews } from './use-saved-views';
import { useUnreadableColumns } from './unreadable-columns';
import { useViewShortcuts } from './use-view-shortcuts';
import { ViewNotices } from './ViewNotices';
import { ViewsMenu } from './ViewsMenu';
import { fitViewState, readViewState, workspaceStateOf, type Available, type Dropped, type ViewOrg, type WorkspaceState } from './view-state';

/** What the org has; with its rows (one org's prepared invoices), a customer filter is checked by account id too. */
type OrgValues = Pick<Available, 'currencies' | 'customers' | 'statuses' | 'customerFound'> & { rows?: readonly InvoiceListRow[] };

/** Where the workspace keeps each part of a view, and how each is set. */
interface Input {
  connectionId: string;
  /** Every invoice is loaded: a view is checked against what the org has, and the default view opened, only then. */
  ready: boolean;
  filters: InvoiceFilters;
  /** Sets the filters with the view's own sort (not the chase's: see useChaseSort). */
  changeFilters: (next: InvoiceFilters) => void;
  /** One org's workspace: the chase sort follows the filters (absent in "All connections"). */
  adoptChase?: (next: InvoiceFilters) => void;
  sorting: SortingState;
  setSorting: (next: SortingState) => void;
  settings: Pick<Settings, 'visibleColumns' | 'agingBasis' | 'agingAsOf' | 'columnWidths'>;
  onUpdateSettings: (patch: Partial<Settings>) => void;
  /** "Show in" and grouping by customer: one org's workspace has them ("All connections" shows each invoice's own currency, ungrouped). */
  currency?: { view: CurrencyView; change: (next: CurrencyView) => void };
  grouping?: { on: boolean; setOn: (on: boolean) => void };
  /** "All connections": the connected orgs and the org filter's choice (a view keeps and sets it). */
  orgs?: { connected: readonly ViewOrg[]; picked: readonly string[]; setPicked: (ids: string[]) => void };
  /**
   * What the org has now (currencies, customers, statuses) and whether the payment figures can be read. A function is
   * asked only when a view is opened ("All connections": every org's values, not only those of the orgs shown).
   */
  prepared: OrgValues | (() => OrgValues);
  payments: PaymentFiguresState | undefined;
}

/**
 * Saved views in the workspace (issue #21): the Views menu for the top bar, its dialogs, the notices under the
 * toolbar, Ctrl+1…9, and the connection's default view opened once every invoice is there (at launch).
 */
export function useWorkspaceViews({ connectionId, ready, filters, changeFilters, adoptChase, sorting, setSorting, settings, onUpdateSettings, currency, grouping, orgs, prepared, payments }: Input) {
  const current: WorkspaceState = {
    filters,
    sorting,
    ...settings,
    currency: currency?.view ?? ownCurrencies,
    groupByCustomer: grouping?.on ?? false,
    ...(orgs ? { orgs: orgs.connected.filter((org) => orgs.picked.includes(org.id)) } : {}),
  };
  // Invoice fields the org (every org, in "All connections") cannot read: a view's column of one is left out, and said.
  const unreadable = useUnreadableColumns(orgs ? orgs.connected.map((org) => org.id) : [connectionId], ready);
  const available = (): Available => {
    const values = typeof prepared === 'function' ? prepared() : prepared;
    return {
      currencies: values.currencies,
      customers: values.customers,
      customerFound: values.rows ? customerDirectory(values.rows).has : values.customerFound,
      statuses: values.statuses,
      paymentColumns: payments !== 'none' && payments !== 'unreadable',
      unreadableColumns: unreadable,
      ...(orgs ? { orgs: orgs.connected } : {}),
    };
  };
  const apply = (next: WorkspaceState) => {
    adoptChase?.(next.filters);
    changeFilters(next.filters);
    setSorting(next.sorting);
    if (orgs && next.orgs) orgs.setPicked(next.orgs.map((org) => org.id));
    // A view saved before widths existed leaves the widths on screen as they are.
    onUpdateSettings({ visibleColumns: next.visibleColumns, agingBasis: next.agingBasis, agingAsOf: next.agingAsOf, ...(next.columnWidths ? { columnWidths: next.columnWidths } : {}) });
    currency?.change(next.currency);
    grouping?.setOn(next.groupByCustomer);
  };
  const saved = useSavedViews(connectionId);
  const [dialog, setDialog] = useState<'save' | 'manage' | null>(null);
  const [opened, setOpened] = useState<{ name: string; dropped: Dropped[] } | null>(null);
  const [hideUnreadable, setHideUnreadable] = useState(false);
  const list = saved.list;

  const open = (view: SavedView) => {
    const { state, dropped } = fitViewState(view.state, available());
    apply(workspaceStateOf(state));
    setOpened({ name: view.name, dropped });
  };
  // Stable, like the menu's other handlers: the menu (and the memoized top bar it sits in) does not render on a keystroke.
  const openAt = useStableHandler((position: number) => {
    const view = ready ? list?.views[position] : undefined;
    if (view) open(view);
  });
  const openSave = useCallback(() => setDialog('save'), []);
  const openManage = useCallback(() => setDialog('manage'), []);
  const exportAll = useStableHandler(() => void saved.exportAll());
  const importFile = useStableHandler(() => void saved.importFile());
  useViewShortcuts(openAt);

  // The default view, once per workspace (a connection's workspace is mounted anew when it is switched to). Opened in
  // a layout effect: its order, filters and columns are on screen in the first frame that shows every invoice.
  const [defaultDone, setDefaultDone] = useState(false);
  const openDefault = useRef(open);
  // A layout effect, declared first: the default view below opens with this render's rows (what the org has now).
  useLayoutEffect(() => {
    openDefault.current = open;
  });
  useLayoutEffect(() => {
    if (defaultDone || !ready || !list) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the view opens (state of the workspace) before the frame that shows every invoice
    setDefaultDone(true);
    const view = list.views.find((candidate) => candidate.id === list.defaultId);
    if (view) openDefault.current(view);
  }, [ready, list, defaultDone]);
  // Issue #19: until the default view is open, the rows in the default order would be the wrong rows (another order,
  // other filters, other columns): the grid waits for it — and, while the views are not known, for them (they are
  // asked beside the first rows). A failed ask of the views waits for nothing.
  const defaultView = list?.views.find((candidate) => candidate.id === list.defaultId) ?? null;
  const failed = saved.outcome?.kind === 'failed';
  const pending: { name: string | null } | null = defaultDone || failed || (list !== null && !defaultView) ? null : { name: defaultView?.name ?? null };

  const menu = useMemo(
    () => <ViewsMenu list={list} onOpen={openAt} onSave={openSave} onManage={openManage} onExport={exportAll} onImport={importFile} />,
    [list, openAt, openSave, openManage, exportAll, importFile],
  );
  const notice = (
    <>
      <ViewNotices
        opened={opened}
        everyOrg={orgs !== undefined}
        outcome={saved.outcome}
        unreadable={hideUnreadable ? 0 : (list?.unreadable ?? 0)}
        onDismiss={() => {
          setOpened(null);
          saved.clearOutcome();
          setHideUnreadable(true);
        }}
      />
      {dialog === 'save' && (
        <LazyPart>
          <SaveViewDialog views={list?.views ?? []} onSave={(name) => saved.save(name, readViewState(current))} onClose={() => setDialog(null)} />
        </LazyPart>
      )}
      {dialog === 'manage' && list && (
        <LazyPart>
          <ManageViewsDialog list={list} saved={saved} onClose={() => setDialog(null)} />
        </LazyPart>
      )}
    </>
  );
  return { menu, notice, pending };
}
