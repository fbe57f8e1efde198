import { describe, expect, it } from 'vitest';
import type { InvoiceList } from '../../../electron/contract';
import { BridgeError } from '../../../renderer/src/api/result';
import type { OrgFeedState } from '../../../renderer/src/all-connections/OrgFeed';
import { combinedListState, loadFailed } from '../../../renderer/src/all-connections/use-org-feeds';
import { row } from '../renderer/invoice-fixtures';

const list = (n: number): InvoiceList => ({
  invoices: Array.from({ length: n }, (_, k) => row({ number: `N-${k}` })), payments: 'none', total: n, offset: 0, version: 'v1', syncedAt: null, object: 'Invoice', statusKinds: {}, warnings: [],
});
const loaded = (id: string, n: number): OrgFeedState => ({ connectionId: id, list: list(n), rows: list(n).invoices, complete: true, progress: null, loadError: null, syncing: false, syncError: null });
const failedFirst = (id: string): OrgFeedState => ({ connectionId: id, list: null, rows: undefined, complete: false, progress: null, loadError: new BridgeError('STORAGE', 'The offline copy could not be read.'), syncing: false, syncError: null });

describe('one org’s failed first load in All connections', () => {
  it('does not keep the view partial: complete over the orgs that loaded, their rows counted', () => {
    const state = combinedListState([loaded('a', 3), failedFirst('b')]);
    expect(state.complete).toBe(true);
    expect(state.list?.invoices).toHaveLength(3);
    expect(state.progress).toBeNull();
    // The org is named by its own banner (OrgBanners), not by the one-org list error.
    expect(state.error).toBeNull();
  });

  it('an org still loading keeps it incomplete, a failed one does not add to the progress', () => {
    const loading: OrgFeedState = { ...loaded('c', 2), complete: false, progress: { loaded: 500, total: 2000 } };
    const state = combinedListState([loaded('a', 3), failedFirst('b'), loading]);
    expect(state.complete).toBe(false);
    expect(state.progress).toEqual({ loaded: 503, total: 2003 });
  });

  it('a failed reload of an org whose list was complete keeps that list counted (as loaded before)', () => {
    const reloadFailed: OrgFeedState = { ...loaded('a', 3), loadError: new BridgeError('STORAGE', 'x') };
    expect(loadFailed(reloadFailed)).toBe(false);
    expect(loadFailed(failedFirst('b'))).toBe(true);
    expect(loadFailed(undefined)).toBe(false);
    expect(combinedListState([reloadFailed]).complete).toBe(true);
  });
});
