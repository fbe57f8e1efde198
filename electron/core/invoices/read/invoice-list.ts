import type { Connection, InvoiceList, InvoiceListRow, InvoiceRow } from '../../../contract';
import { defaultInvoiceOrder } from '../../../contract/invoice-order';
import type { Clock, KeyValueStore, Logger } from '../../ports';
import type { InvoiceRepository } from '../cache/invoice-repository';
import type { Snapshot } from '../snapshot/snapshot';
import { listRowsOf, paymentFiguresState } from './payment-figures';

/** Remembers whose invoices the window listed last: the connection to warm up at the next start. */
const LAST_LISTED_KEY = 'invoices.lastListed';
/** How long the start-up waits at most for the window to have every row before background work goes on. */
export const START_GRACE_MS = 5_000;

/**
 * `invoices.list` over the repository: each snapshot put in the workspace's default order once, and
 * windows (`offset`, `limit`) of that order with the total and the snapshot's version.
 */
export class InvoiceLists {
  private readonly ordered = new WeakMap<Snapshot, { rows: InvoiceListRow[]; version: string; statuses: string[] }>();
  /** Connections whose list the window has had to the end; waiting for that (warmUp), with their cancels. */
  private readonly listedToEnd = new Set<string>();
  private readonly waiting = new Map<string, (() => void)[]>();
  /** Per connection, the last snapshot put in order (to tell whether a new one changed anything). */
  private readonly latest = new Map<string, { rows: InvoiceListRow[]; version: string }>();

  constructor(
    private readonly repository: InvoiceRepository,
    private readonly store: KeyValueStore,
    private readonly logger: Logger,
  ) {}

  /** The window, and the distinct status values of the whole copy (for what each means for receivables). */
  async list(connectionId: string, window: { offset?: number; limit?: number }): Promise<Omit<InvoiceList, 'warnings' | 'statusKinds'> & { statuses: string[] }> {
    if (!window.offset) this.remember(connectionId);
    const snapshot = await this.repository.current(connectionId);
    const { rows, version, statuses } = snapshot ? this.inOrder(connectionId, snapshot) : { rows: [], version: 'none', statuses: [] };
    const offset = Math.min(window.offset ?? 0, rows.length);
    const end = window.limit === undefined ? rows.length : Math.min(rows.length, offset + window.limit);
    if (end === rows.length) this.listed(connectionId);
    return {
      invoices: offset === 0 && end === rows.length ? rows : rows.slice(offset, end),
      total: rows.length,
      offset,
      version,
      payments: paymentFiguresState(snapshot?.related),
      syncedAt: snapshot?.syncedAt ?? null,
      object: snapshot?.object ?? null,
      statuses,
    };
  }

  /**
   * At start-up, before the window asks: loads (read, decrypt, inflate, parse) and orders the
   * offline copy of the connection the window showed last (or the first one ever synced), so the
   * first `invoices.list` finds it ready or in flight. A failure is only logged here; the list call
   * reads again and reports it as usual. Resolves (never rejects) once the window has had that list
   * to its end, or after START_GRACE_MS: the launch sync waits for it, so its network, merge and
   * cache rewrite do not compete with the window's first rows and the rest of their loading.
   */
  warmUp(connections: readonly Connection[], clock: Clock): Promise<void> {
    const last = this.store.get<string>(LAST_LISTED_KEY);
    const target = connections.find((c) => c.id === last) ?? connections.find((c) => c.lastSyncAt);
    if (!target) return Promise.resolve();
    const loaded = this.repository.current(target.id).then(
      (snapshot) => void (snapshot && this.inOrder(target.id, snapshot)),
      () => this.logger.warn('Could not load the offline invoices at start-up; the workspace will try again'),
    );
    const listed = this.listedToEnd.has(target.id)
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const cancel = clock.setTimeout(done, START_GRACE_MS);
          const waiters = this.waiting.get(target.id) ?? [];
          this.waiting.set(target.id, [...waiters, done]);
          function done() {
            cancel();
            resolve();
          }
        });
    return Promise.all([loaded, listed]).then(() => undefined);
  }

  /** Stops waiting (the core is closing). */
  dispose(): void {
    for (const id of [...this.waiting.keys()]) this.listed(id);
  }

  private listed(connectionId: string): void {
    this.listedToEnd.add(connectionId);
    const waiters = this.waiting.get(connectionId);
    this.waiting.delete(connectionId);
    for (const done of waiters ?? []) done();
  }

  /**
   * The snapshot's rows with their payment figures, in the default order, and its version. A sync always
   * makes a new snapshot, but most (the launch sync, a scheduled one) change nothing: when the rows, in order, are equal
   * field by field to the connection's previous ones, the version stays, so a window list that is
   * loading goes on and a complete one is kept. Otherwise the version is new (the sync's instant).
   */
  private inOrder(connectionId: string, snapshot: Snapshot): { rows: InvoiceListRow[]; version: string; statuses: string[] } {
    let entry = this.ordered.get(snapshot);
    if (!entry) {
      const figured = listRowsOf(snapshot);
      const order = defaultInvoiceOrder(figured);
      const rows = new Array<InvoiceListRow>(order.length);
      for (let k = 0; k < order.length; k++) rows[k] = figured[order[k]!]!;
      const previous = this.latest.get(connectionId);
      const version = previous && sameRows(previous.rows, rows) ? previous.version : `${snapshot.syncedAt}/${rows.length}`;
      entry = { rows, version, statuses: distinctStatuses(figured) };
      this.ordered.set(snapshot, entry);
      this.latest.set(connectionId, entry);
    }
    return entry;
  }

  /** The connection is gone: it is no longer the one to warm up. */
  forget(connectionId: string): void {
    this.latest.delete(connectionId);
    if (this.store.get(LAST_LISTED_KEY) === connectionId) this.store.delete(LAST_LISTED_KEY);
  }

  private remember(connectionId: string): void {
    try {
      if (this.store.get(LAST_LISTED_KEY) !== connectionId) this.store.set(LAST_LISTED_KEY, connectionId);
    } catch {
      // Only a start-up hint: a store that cannot write costs the next start its warm-up, nothing else.
    }
  }
}

/** The status values the rows hold, each once. */
export function distinctStatuses(rows: readonly InvoiceRow[]): string[] {
  const statuses = new Set<string>();
  for (const row of rows) if (row.status !== null) statuses.add(row.status);
  return [...statuses];
}

/** Same rows in the same order, every field equal (unchanged rows are usually the same objects). */
function sameRows(a: readonly InvoiceListRow[], b: readonly InvoiceListRow[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k]! as unknown as Record<string, unknown>;
    const y = b[k]! as unknown as Record<string, unknown>;
    if (x === y) continue;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    for (const key of keys) if (x[key] !== y[key]) return false;
  }
  return true;
}
