import type { Connection, InvoiceList, SavedViewList } from '../../../electron/contract';
import { FIRST_LIST_WINDOW } from '../../../electron/contract/list-window';
import { budgetly } from '../bridge';
import { warmFormatsFor } from './early-formats';
import { earlyConnections } from './early-startup';
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
        warmFormatsFor(list);
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
  if (remembered !== ALL_CONNECTIONS) {
    ask([remembered]);
    askViews(remembered);
    return;
  }
  // The connections the App asks for as it starts (early-startup.ts, asked right after this in main.tsx): one call, not
  // two — looked for once the page's first module has asked everything.
  queueMicrotask(() =>
    (earlyConnections() ?? unwrap(budgetly().connections.list())).then(
      (connections: Connection[]) => ask(connections.filter((c) => c.lastSyncAt).map((c) => c.id)),
      () => undefined,
    ),
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

const earlyViews = new Map<string, Promise<SavedViewList>>();
const arrivedViews = new Map<string, SavedViewList>();

/**
 * The saved views of the connection the app opens on, asked beside its first rows: a default view (issue #21) decides
 * what the first screen shows — its order, filters and columns — so the workspace must know it before it paints a row.
 */
function askViews(connectionId: string): void {
  const answer = unwrap(budgetly().views.list({ connectionId }));
  answer.then(
    (list) => {
      if (earlyViews.get(connectionId) === answer) arrivedViews.set(connectionId, list);
    },
    () => undefined,
  );
  earlyViews.set(connectionId, answer);
}

/** The views asked for early for this connection, once; null when none were (then the workspace asks). */
export function takeEarlyViews(connectionId: string): Promise<SavedViewList> | null {
  const answer = earlyViews.get(connectionId) ?? null;
  earlyViews.delete(connectionId);
  arrivedViews.delete(connectionId);
  return answer;
}

/** The early views if they have arrived (not taken): the workspace's first render knows the default view. */
export function arrivedEarlyViews(connectionId: string): SavedViewList | null {
  return arrivedViews.get(connectionId) ?? null;
}

/** Every early ask of this module still out or not taken (first windows and views): the first render waits for them (boot.tsx). */
export function earlyFirstAsks(): Promise<unknown>[] {
  return [...early.values(), ...earlyViews.values()];
}
