import { channel } from 'node:diagnostics_channel';
import type { InvoiceColumns } from '../../../contract/invoice-columns';
import type { OrderedList } from './ordered-rows';

/** One connection's next window, encoded ahead (or about to be). */
interface Ahead {
  /** The list it was read from: held weakly, so a window read ahead never keeps a replaced copy in memory. */
  list: WeakRef<OrderedList>;
  from: number;
  to: number;
  columns: InvoiceColumns | null;
  pending: NodeJS.Immediate | null;
}

/**
 * How long each read ahead took, published for the bench (scripts/bench/workers/ui-worker.ts): the bench's Electron estimate
 * swaps its slow JSON crossing for a structured clone, and the work done ahead ran hidden in that crossing — it adds it
 * back. Nothing is timed or published without a subscriber.
 */
const readAheadTimes = channel('budgetly:list-window-ahead');

/**
 * Each connection's next list window as columns, encoded right after the window before it was answered (issue #19,
 * every invoice loaded). The workspace asks the windows of a list one after the other, each from where the rows it
 * has end, with the same limit (renderer: invoice-list-loader.ts); between an answer and the next ask the core was
 * idle — the answer's crossing to the page and the page's ask back. The next window's encoding now runs in that
 * gap, after the answer has gone (a macrotask: the answer's serialization runs first). Only an ask for exactly that window of
 * exactly that list (the same copy: another copy is another list) takes it; any other ask of the connection drops it,
 * as do a sync's new copy (another list) and forgetting the connection. A read ahead that fails is dropped: the ask
 * reads the window itself and meets the failure there, as it would have. Costs one window's encoding when the page
 * stops asking (another view), and holds one window per connection (~1 MB at 10,000 rows) until the next ask.
 */
export class WindowsAhead {
  private readonly ahead = new Map<string, Ahead>();

  /** The window [from, to) of this list, when it was read ahead; else null. Whatever the connection had ahead is dropped either way. */
  take(connectionId: string, list: OrderedList, from: number, to: number): InvoiceColumns | null {
    const entry = this.ahead.get(connectionId);
    this.drop(connectionId);
    if (!entry || entry.columns === null || entry.list.deref() !== list || entry.from !== from || entry.to !== to) return null;
    return entry.columns;
  }

  /** The window [from, from + limit) of this list — the next the page asks after one that ended at `from` — encoded on the next turn of the event loop. */
  after(connectionId: string, list: OrderedList, from: number, limit: number): void {
    this.drop(connectionId);
    if (from >= list.length) return;
    const to = Math.min(list.length, from + limit);
    const entry: Ahead = { list: new WeakRef(list), from, to, columns: null, pending: null };
    entry.pending = setImmediate(() => {
      entry.pending = null;
      try {
        const started = readAheadTimes.hasSubscribers ? performance.now() : 0;
        entry.columns = list.columns(from, to);
        if (readAheadTimes.hasSubscribers) readAheadTimes.publish({ ms: performance.now() - started });
      } catch {
        if (this.ahead.get(connectionId) === entry) this.ahead.delete(connectionId);
      }
    });
    this.ahead.set(connectionId, entry);
  }

  drop(connectionId: string): void {
    const entry = this.ahead.get(connectionId);
    if (entry?.pending) clearImmediate(entry.pending);
    this.ahead.delete(connectionId);
  }

  dropAll(): void {
    for (const connectionId of [...this.ahead.keys()]) this.drop(connectionId);
  }
}
