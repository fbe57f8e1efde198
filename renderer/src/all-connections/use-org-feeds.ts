import { useCallback, useMemo, useRef, useState } from 'react';
import type { Connection } from '../../../electron/contract';
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

  const parts = useMemo<OrgPart[]>(
    () => connections.map((c) => ({ connectionId: c.id, org: c.label, rows: feeds[c.id]?.rows, statusKinds: feeds[c.id]?.list?.statusKinds })),
    [connections, feeds],
  );
  const pickedKey = picked.join(',');
  // The combined rows change only when an org's rows (or a name, or the orgs picked) do — not with a load's
  // progress or a sync's running state, which would have every row prepared again.
  const rowsKey = `${parts.map((part) => `${part.connectionId}\u0001${part.org}\u0001${identityOf(part.rows)}`).join('\u0002')}\u0003${pickedKey}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the rows' identities (rowsKey), not by `parts`
  const rows = useMemo(() => (parts.length === 0 ? NO_ROWS : combineRows(parts, pickedKey ? new Set(pickedKey.split(',')) : null)), [rowsKey]);
  // Each org's meanings, keyed by content as in the one-org workspace: a reload that changed no meaning prepares nothing again.
  const kindsKey = JSON.stringify(statusKindsByOrg(parts));

  const states = connections.map((c) => feeds[c.id]);
  const complete = states.every((s) => s?.complete === true);
  const anyList = states.find((s) => s?.list)?.list ?? null;
  const failed = states.find((s) => s?.loadError);
  const listState: InvoiceListState = {
    list: anyList,
    complete,
    progress: complete ? null : progressOf(states),
    error: failed?.loadError ?? null,
    loading: states.some((s) => !s || !s.complete),
    retry: () => failed && controls.current.get(failed.connectionId)?.retry(),
  };
  /** Starts one org's sync (its own, with its own progress and error). */
  const startSync = useCallback((connectionId: string) => controls.current.get(connectionId)?.start(), []);
  return { feeds, onState, onControls, startSync, rows, kindsKey, listState };
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
