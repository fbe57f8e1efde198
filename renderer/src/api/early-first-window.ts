import type { Connection, InvoiceList } from '../../../electron/contract';
import { FIRST_LIST_WINDOW } from '../../../electron/contract/list-window';
import { budgetly } from '../bridge';
import { unwrap } from './result';

/** Where the app remembers the view it opens on: a connection's id, or ALL_CONNECTIONS. */
export const ACTIVE_KEY = 'budgetly.activeConnection';
/** The remembered choice for "All connections" (#21): not a connection id (ids are Salesforce-like). */
export const ALL_CONNECTIONS = 'all';

const early = new Map<string, Promise<InvoiceList>>();
/** The early answers that have arrived (the same objects the promises resolve to), while they are not taken. */
const arrived = new Map<string, InvoiceList>();
let listening = false;

function ask(connectionIds: readonly string[]): void {
  if (!listening) {
    listening = true;
    // A sync changed the list before the workspace took its answer: the workspace asks again itself.
    budgetly().on('invoices.changed', ({ connectionId }) => {
      early.delete(connectionId);
      arrived.delete(connectionId);
    });
  }
  for (const connectionId of connectionIds) {
    if (early.has(connectionId)) continue;
    const answer = unwrap(budgetly().invoices.list({ connectionId, offset: 0, limit: FIRST_LIST_WINDOW }));
    answer.then(
      (list) => {
        if (early.get(connectionId) === answer) arrived.set(connectionId, list);
      },
      () => undefined,
    );
    early.set(connectionId, answer);
  }
}

/**
 * Issue #19: the first rows of the view the app opens on are asked for as the page starts — before React has rendered
 * the workspace, whose own first ask would come only after its first render (and, for All connections, after the
 * connections have been listed). The remembered connection's first window at once; for All connections, every synced
 * connection's once they are listed. The workspace takes the answer as its own first window (`takeEarlyFirstWindow`);
 * one not taken (another view opened, the connection is gone) is simply dropped. Never throws: a page opened without
 * the bridge asks nothing.
 */
export function askFirstWindowsEarly(): void {
  let remembered: string | null;
  try {
    remembered = localStorage.getItem(ACTIVE_KEY);
  } catch {
    return;
  }
  if (!remembered || !window.budgetly) return;
  if (remembered !== ALL_CONNECTIONS) return ask([remembered]);
  unwrap(budgetly().connections.list()).then(
    (connections: Connection[]) => ask(connections.filter((c) => c.lastSyncAt).map((c) => c.id)),
    () => undefined,
  );
}

/** The first window asked for early for this connection, once; null when none was (or the list changed since). */
export function takeEarlyFirstWindow(connectionId: string): Promise<InvoiceList> | null {
  const answer = early.get(connectionId) ?? null;
  early.delete(connectionId);
  arrived.delete(connectionId);
  return answer;
}

/**
 * The early first window if it has already arrived (not taken: `takeEarlyFirstWindow` still hands out its promise).
 * The workspace starts from it, so its first render already has the rows — no render of an empty grid first.
 */
export function arrivedEarlyFirstWindow(connectionId: string): InvoiceList | null {
  return arrived.get(connectionId) ?? null;
}
