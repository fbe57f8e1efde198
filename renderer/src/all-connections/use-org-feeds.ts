import { useCallback, useMemo, useRef, useState } from 'react';
import type { Connection } from '../../../electron/contract';
import { distinctOrgNames } from '../../../electron/contract/org-names';
import type { InvoiceListState } from '../api/use-invoices';
import { combineRows, statusKindsByOrg, type CombinedRow, type OrgPart } from './combine-lists';
import type { OrgControls, OrgFeedState } from './OrgFeed';

const NO_ROWS: CombinedRow[] = [];
const identities = new WeakMap<object, number>();
let nextIdentity = 1;
/** A number per array (0 for none): what the combined rows are keyed by. */
function identityOf(rows: object | undefined): number {
  if (!rows) return 0;
  let known = identities.get(rows);
  if (known === undefined) identities.set(rows, (known = nextIdentity++));
  return known;
}

/**
 * What the OrgFeeds report, put together: each org's state, the combined rows (of the picked orgs, or all), their
 * status meanings, and one list state for the toolbar's count and progress (complete once every org's list is).
 */
export function useOrgFeeds(connections: readonly Connection[], picked: readonly string[]) {
  const [feeds, setFeeds] = useState<Readonly<Record<string, OrgFeedState>>>({});
  const controls = useRef(new Map<string, OrgControls>());
  const onState = useCallback((state: OrgFeedState) => setFeeds((previous) => ({ ...previous, [state.connectionId]: state })), []);
  const onControls = useCallback((connectionId: string, given: OrgControls) => void controls.current.set(connectionId, given), []);

  // An org whose first load failed adds no rows (some of them would make totals that are not the org's): its banner says so.
  // Two orgs with one name (a sandbox and its production org) are told apart: the Org column, its sort and the totals per org go by name.
  const parts = useMemo<OrgPart[]>(() => {
    const names = distinctOrgNames(connections);
    return connections.map((c, place) => ({ connectionId: c.id, org: names[place]!, rows: loadFailed(feeds[c.id]) ? undefined : feeds[c.id]?.rows, statusKinds: feeds[c.id]?.list?.statusKinds }));
  }, [connections, feeds]);
  const pickedKey = picked.join(',');
  // The combined rows change only when an org's rows (or a name, or the orgs picked) do — not with a load's
  // progress or a sync's running state, which would have every row prepared again.
  const rowsKey = `${parts.map((part) => `${part.connectionId}\u0001${part.org}\u0001${identityOf(part.rows)}`).join('\u0002')}\u0003${pickedKey}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the rows' identities (rowsKey), not by `parts`
  const rows = useMemo(() => (parts.length === 0 ? NO_ROWS : combineRows(parts, pickedKey ? new Set(pickedKey.split(',')) : null)), [rowsKey]);
  // Each org's meanings, keyed by content as in the one-org workspace: a reload that changed no meaning prepares nothing again.
  const kindsKey = JSON.stringify(statusKindsByOrg(parts));

  const listState = combinedListState(connections.map((c) => feeds[c.id]));
  /** Starts one org's sync (its own, with its own progress and error). */
  const startSync = useCallback((connectionId: string) => controls.current.get(connectionId)?.start(), []);
  /** Loads one org's list again after its load failed (continuing where it stopped). */
  const retryLoad = useCallback((connectionId: string) => controls.current.get(connectionId)?.retry(), []);
  return { feeds, onState, onControls, startSync, retryLoad, rows, kindsKey, listState };
}

/** An org's first load failed (it has no complete list): it is left out until Try again loads it. */
export function loadFailed(state: OrgFeedState | undefined): boolean {
  return state !== undefined && state.loadError !== null && !state.complete;
}

/**
 * One list state for the toolbar's count, progress and "partial" over every org. An org whose first load failed
 * does not hold the others back: the view is complete once every other org's list is (its banner names it, with
 * Try again), so the totals, aging and export are of what is there instead of "partial" for ever. Each org's load
 * error is said by its own banner (OrgBanners), not by the one-org list error.
 */
export function combinedListState(states: readonly (OrgFeedState | undefined)[]): Omit<InvoiceListState, 'retry'> & { retry: () => void } {
  const counted = states.filter((s) => !loadFailed(s));
  const complete = counted.every((s) => s?.complete === true);
  return {
    list: counted.find((s) => s?.list)?.list ?? null,
    complete,
    progress: complete ? null : progressOf(counted),
    error: null,
    loading: counted.some((s) => !s || !s.complete),
    retry: () => undefined,
  };
}

/** Rows loaded of rows in all, over the orgs (an org not yet answering counts as none of none). */
function progressOf(states: readonly (OrgFeedState | undefined)[]): { loaded: number; total: number } | null {
  let loaded = 0;
  let total = 0;
  for (const state of states) {
    if (!state?.list) continue;
    if (state.progress) {
      loaded += state.progress.loaded;
      total += state.progress.total;
    } else {
      loaded += state.list.invoices.length;
      total += state.list.invoices.length;
    }
  }
  return total > 0 ? { loaded, total } : null;
}
