import type { Connection, InvoiceList, InvoiceListRow } from '../../../contract';
import { encodeInvoiceColumns, type InvoiceColumns } from '../../../contract/invoice-columns';
import type { Clock, KeyValueStore, Logger } from '../../ports';
import type { FirstScreen } from '../cache/first-screen-file';
import type { InvoiceRepository } from '../cache/invoice-repository';
import type { Snapshot } from '../snapshot/snapshot';
import { FIRST_LIST_WINDOW } from '../../../contract/list-window';
import { coldVersion, orderedRows, type OrderedList } from './ordered-rows';
import { WindowSignals } from './window-signals';
import { WindowsAhead } from './window-ahead';
import { paymentFiguresState } from './payment-figures';
import { sameRelatedRecords } from '../related/related-copy';

/** Remembers whose invoices the window listed last: the connection to warm up at the next start. */
const LAST_LISTED_KEY = 'invoices.lastListed';
/**
 * How long the start-up waits for the window to have every row before background work (the launch sync, the record
 * phase after it) goes on — counted again from each window of the list the window asks: while the window is loading
 * the list, nothing competes with it; a window that stops asking (another view, an error) waits this long at most.
 * At 1,000,000 invoices the load takes longer than 5 s, and a launch sync started at 5 s ran beside the rest of the
 * load (load27's driver at 1M: the sync, its record phase and the new copy's ordering on the core's thread, one
 * window taking 6.2 s at load ~12).
 */
export const START_GRACE_MS = 5_000;
/**
 * How long the start-up decode waits at most for the window to paint its first rows from the first screen (the window
 * may open on another view): it then decodes anyway.
 */
export const FIRST_ROWS_GRACE_MS = 2_000;

/** A window of the list without its rows, and the distinct status values of the whole copy (for what each means for receivables). */
type ListWindow = Omit<InvoiceList, 'warnings' | 'statusKinds' | 'invoices'> & { statuses: string[] };
/**
 * A window whose rows are made as the caller asks: as row objects (`invoices.list`) or as columns (`invoices.listColumns`,
 * which then has the next window read ahead: `readAhead`).
 */
type WindowOf = ListWindow & { rows(): InvoiceListRow[]; columns(): InvoiceColumns; readAhead(): void };

/**
 * `invoices.list` over the repository: each snapshot put in the workspace's default order once, and
 * windows (`offset`, `limit`) of that order with the total and the snapshot's version.
 */
export class InvoiceLists {
  private readonly ordered = new WeakMap<Snapshot, { list: OrderedList; version: string }>();
  /** First screens read at start-up (or at the first list), per connection, until its whole copy is in memory. */
  private readonly screens = new Map<string, Promise<FirstScreen | null>>();
  /** Connections whose list the window has had to the end (the warm-up waits for the one it loads first). */
  private readonly listedToEnd = new WindowSignals();
  /**
   * Connections whose first rows the window has painted — it asks for the next window then (invoice-list-loader.ts:
   * after the paint) — or has all of (the warm-up's decode waits for it).
   */
  private readonly firstPainted = new WindowSignals();
  /** Per connection, the last snapshot put in order (to tell whether a new one changed anything). */
  private readonly latest = new Map<string, { list: OrderedList; version: string }>();
  /** Each connection's next list window as columns, encoded while the one before it crosses to the page (window-ahead.ts). */
  private readonly ahead = new WindowsAhead();

  constructor(
    private readonly repository: InvoiceRepository,
    private readonly store: KeyValueStore,
    private readonly logger: Logger,
  ) {}

  /** The window, and the distinct status values of the whole copy (for what each means for receivables). */
  async list(connectionId: string, window: { offset?: number; limit?: number }): Promise<ListWindow & { invoices: InvoiceListRow[] }> {
    const { rows, columns: _columns, readAhead: _readAhead, ...answer } = await this.window(connectionId, window);
    return { ...answer, invoices: rows() };
  }

  /**
   * The same window with its rows as columns (`invoices.listColumns`): read straight from the copy's columns when it has
   * them (read/window-columns.ts: no row object per invoice), else encoded from its rows.
   */
  async listColumns(connectionId: string, window: { offset?: number; limit?: number }): Promise<ListWindow & { columns: InvoiceColumns }> {
    const { rows: _rows, columns, readAhead, ...answer } = await this.window(connectionId, window);
    const answered = { ...answer, columns: columns() };
    readAhead();
    return answered;
  }

  private async window(connectionId: string, window: { offset?: number; limit?: number }): Promise<WindowOf> {
    if (!window.offset) this.remember(connectionId);
    else {
      // The window asks past its first rows once it has painted them: the start-up decode may run now (see warmUp).
      this.firstPainted.fire(connectionId);
      // …and it is loading the rest: the start-up's grace for the whole list starts again (START_GRACE_MS).
      this.listedToEnd.stir(connectionId);
    }
    const early = window.offset ? null : await this.fromFirstScreen(connectionId, window.limit);
    if (early) {
      const { invoices, ...answer } = early;
      return { ...answer, rows: () => invoices, columns: () => encodeInvoiceColumns(invoices), readAhead: () => undefined };
    }
    const snapshot = await this.repository.current(connectionId);
    const { list, version } = snapshot ? this.inOrder(connectionId, snapshot) : { list: NO_ROWS, version: 'none' };
    const offset = Math.min(window.offset ?? 0, list.length);
    const end = window.limit === undefined ? list.length : Math.min(list.length, offset + window.limit);
    if (end === list.length) this.listedToEnd.fire(connectionId);
    // The window has its first rows from the copy itself: the copy is in memory, nothing for the start-up to wait for.
    if (offset === 0) this.firstPainted.fire(connectionId);
    return {
      // Only the window's rows are made (from the copy's columns when it has them).
      rows: () => list.slice(offset, end),
      columns: () => this.ahead.take(connectionId, list, offset, end) ?? list.columns(offset, end),
      // The page asks for the window after this one next, from where this one ends, with the same limit.
      readAhead: () => {
        if (window.limit !== undefined) this.ahead.after(connectionId, list, end, window.limit);
      },
      total: list.length,
      offset,
      version,
      payments: paymentFiguresState(snapshot?.related),
      syncedAt: snapshot?.syncedAt ?? null,
      object: snapshot?.object ?? null,
      statuses: list.statuses,
    };
  }

  /**
   * The first window from the copy's first screen (issue #19) while the whole copy is not in memory yet: the same rows,
   * total, version and sync time the whole copy gives (the first screen is bound to the copy as it is on disk, see
   * first-screen-file.ts), so nothing moves when the rest arrives. The whole copy is read by the start-up warm-up
   * meanwhile, or when the next window asks. null when the copy is in memory, there is no first screen that fits, or the window asks for more rows.
   */
  private async fromFirstScreen(connectionId: string, limit: number | undefined): Promise<(ListWindow & { invoices: InvoiceListRow[] }) | null> {
    if (this.repository.isLoaded(connectionId)) {
      this.screens.delete(connectionId);
      return null;
    }
    // More than a first screen holds (the whole list, a large window): only the copy answers.
    if (limit === undefined || limit > FIRST_LIST_WINDOW) return null;
    let screen = this.screens.get(connectionId);
    if (!screen) this.screens.set(connectionId, (screen = this.repository.firstScreen(connectionId)));
    const first = await screen;
    // Read meanwhile: the copy itself is as quick now (and a sync may have changed it since).
    if (!first || this.repository.isLoaded(connectionId)) return null;
    if (limit > first.rows.length && first.rows.length < first.total) return null;
    const rows = limit >= first.rows.length ? first.rows : first.rows.slice(0, limit);
    // The whole list in the first screen: the window will ask for nothing more.
    if (rows.length === first.total) {
      this.listedToEnd.fire(connectionId);
      this.firstPainted.fire(connectionId);
    }
    return { invoices: rows, total: first.total, offset: 0, version: first.version, payments: first.payments, syncedAt: first.syncedAt, object: first.object, statuses: first.statuses };
  }

  /**
   * At start-up, before the window asks: first reads the first screen of every connection's copy (a few ms each: the
   * window's first rows of any of them, All connections included, need no decode), then loads (read, decrypt, inflate,
   * parse) and orders the copy of the connection the window showed last (or the first one ever synced) — once the
   * window has painted its first rows from that copy's first screen (it asks for the next window; or it had them from
   * the copy already in memory, or the first screen held the whole list; or after FIRST_ROWS_GRACE_MS; at once without
   * a first screen),
   * so the decode does not hold up the window's start-up calls — so the next windows find it ready or in flight; then, once the window has had that list to its end (or START_GRACE_MS after the read, or after its last window asked),
   * every other connection's copy, one at a time (a list asked for meanwhile reads its own at once). A failure is only
   * logged here; the list call reads again and reports it as usual. Resolves (never rejects) when all are loaded: the
   * launch syncs wait for it, so their network, merge and cache writes do not compete with the window's first rows
   * and the rest of their loading.
   */
  warmUp(connections: readonly Connection[], clock: Clock): Promise<void> {
    const last = this.store.get<string>(LAST_LISTED_KEY);
    const target = connections.find((c) => c.id === last) ?? connections.find((c) => c.lastSyncAt);
    if (!target) return Promise.resolve();
    const others = connections.filter((c) => c !== target && c.lastSyncAt);
    const [targetScreen, ...otherScreens] = [target, ...others].map((c) => {
      let screen = this.screens.get(c.id);
      if (!screen) this.screens.set(c.id, (screen = this.repository.firstScreen(c.id)));
      return screen;
    });
    const load = (connectionId: string) =>
      this.repository.current(connectionId).then(
        (snapshot) => {
          this.screens.delete(connectionId);
          if (snapshot) this.inOrder(connectionId, snapshot);
        },
        () => this.logger.warn('Could not load the offline invoices at start-up; the workspace will try again'),
      );
    // With a first screen, the window's first rows need no decode: the decode (on the main process's thread, which
    // also serves the window's start-up chunks over app:// and answers its other start-up calls) waits until the window
    // has painted them — it then asks for the next window, which reads the copy itself —, or FIRST_ROWS_GRACE_MS.
    // Issue #19: started as soon as the first window was answered, it ran beside the page's first render on two cores
    // and held up the start-up bundle's files (a Chrome trace of the bench's cold start, session 13).
    const loaded = Promise.all([targetScreen!, ...otherScreens])
      .then(([screen]) => (screen ? this.firstPainted.wait(target.id, clock, FIRST_ROWS_GRACE_MS) : undefined))
      .then(() => load(target.id));
    // The grace for the whole list counts from the copy's read (the second window waits for it: ~2 s of CPU at 1M),
    // and again from each window asked after it.
    const listed = loaded.then(() => this.listedToEnd.wait(target.id, clock, START_GRACE_MS));
    return listed.then(async () => {
      for (const other of others) await load(other.id);
    });
  }

  /** Stops waiting (the core is closing). */
  dispose(): void {
    this.ahead.dropAll();
    this.listedToEnd.release();
    this.firstPainted.release();
  }

  /**
   * The snapshot's rows with their payment figures, in the default order, and its version. A sync always
   * makes a new snapshot, but most (the launch sync, a scheduled one) change nothing: when the rows, in order, are equal
   * field by field to the connection's previous ones, the version stays, so a window list that is
   * loading goes on and a complete one is kept. Otherwise the version is new (the sync's instant).
   */
  private inOrder(connectionId: string, snapshot: Snapshot): { list: OrderedList; version: string } {
    let entry = this.ordered.get(snapshot);
    if (!entry) {
      const list = orderedRows(snapshot);
      const previous = this.latest.get(connectionId);
      const version = previous && sameRows(previous.list, list) ? previous.version : coldVersion(snapshot, list.length);
      entry = { list, version };
      this.ordered.set(snapshot, entry);
      this.latest.set(connectionId, entry);
    }
    return entry;
  }

  /** The connection is gone: it is no longer the one to warm up. */
  forget(connectionId: string): void {
    this.latest.delete(connectionId);
    this.screens.delete(connectionId);
    this.ahead.drop(connectionId);
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

const NO_ROWS: OrderedList = { length: 0, order: new Uint32Array(0), statuses: [], rowAt: () => undefined as never, copyRowAt: () => undefined as never, related: null, slice: () => [], columns: () => encodeInvoiceColumns([]) };

/**
 * Same rows in the same order, every field equal (unchanged rows are usually the same objects); rows made one at a time.
 * When both lists read their payment figures from the very same related records (a sync that changed none of them), the
 * rows are compared as the copy holds them, without their figures: equal rows over the same records have the same
 * figures. Found by ledger13 (session 23): with the figures, this comparison cost 1.16–1.23 s of main-thread CPU at 100k with
 * payments in the first list window after every sync that changed nothing (a launch or scheduled sync); without, 0.33–0.38 s.
 */
function sameRows(a: OrderedList, b: OrderedList): boolean {
  if (a.length !== b.length) return false;
  const sameFigures = sameRelatedRecords(a.related, b.related);
  for (let k = 0; k < a.length; k++) {
    const x = (sameFigures ? a.copyRowAt(k) : a.rowAt(k)) as unknown as Record<string, unknown>;
    const y = (sameFigures ? b.copyRowAt(k) : b.rowAt(k)) as unknown as Record<string, unknown>;
    if (x === y) continue;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    for (const key of keys) if (x[key] !== y[key]) return false;
  }
  return true;
}
