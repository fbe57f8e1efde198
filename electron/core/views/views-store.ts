import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../contract';
import { englishMessage } from '../../contract/i18n/spoken-messages';
import { MAX_VIEW_NAME, MAX_VIEWS, savedViewSchema, type SavedView, type SavedViewList, type ViewState } from '../../contract/saved-views';
import type { KeyValueStore, Logger } from '../ports';

const KEY = 'savedViews';
/** Entries of the store that could not be read, kept aside as they were (never dropped silently). */
const ASIDE_KEY = 'savedViewsUnreadable';
const ASIDE_MAX = 500;

const storedSchema = z.object({
  version: z.literal(1),
  views: z.array(z.unknown()),
  defaults: z.record(z.string(), z.string()),
});
interface Stored {
  version: 1;
  views: SavedView[];
  /** Connection id → its default view's id. */
  defaults: Record<string, string>;
}
/** One entry put aside: the connection it belonged to, when that could be read (null: the whole store was damaged). */
interface Aside {
  connectionId: string | null;
  raw: unknown;
}

const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/** "Name", then "Name (2)", "Name (3)" …: the first not in `taken`, shortened so it stays within the name's limit. */
export function uniqueName(name: string, taken: readonly string[]): string {
  const free = (candidate: string) => !taken.some((other) => sameName(other, candidate));
  if (free(name)) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, MAX_VIEW_NAME - suffix.length).trimEnd()}${suffix}`;
    if (free(candidate)) return candidate;
  }
}

/**
 * The saved views of every connection, in the key-value store (settings.json: electron-store in the app). Each view
 * names its connection as a field (a view of "All connections" is one more value of it), and the order of the
 * array is the order of the Views menu. An entry that cannot be read — hand-edited, damaged, or written by a later
 * version — is moved to `savedViewsUnreadable` as it was and counted in the list's `unreadable`, never lost.
 */
export class ViewsStore {
  constructor(
    private readonly store: KeyValueStore,
    private readonly logger?: Logger,
  ) {}

  list(connectionId: string): SavedViewList {
    const stored = this.read();
    return this.answer(stored, connectionId);
  }

  save(connectionId: string, name: string, state: ViewState): SavedViewList {
    const stored = this.read();
    const existing = stored.views.find((view) => view.connectionId === connectionId && sameName(view.name, name));
    if (existing) {
      existing.state = state;
      existing.name = name;
    } else {
      this.assertRoom(stored, connectionId, 1);
      stored.views.push({ id: randomUUID(), name, connectionId, state });
    }
    return this.write(stored, connectionId);
  }

  update(connectionId: string, id: string, change: { name?: string; move?: 'up' | 'down'; isDefault?: boolean }): SavedViewList {
    const stored = this.read();
    const view = this.find(stored, connectionId, id);
    if (change.name !== undefined) {
      const name = change.name;
      if (stored.views.some((other) => other !== view && other.connectionId === connectionId && sameName(other.name, name))) {
        throw new AppError('INVALID_INPUT', englishMessage('viewNameTaken', { name }));
      }
      view.name = name;
    }
    if (change.move) {
      // Swapped with the connection's previous or next view (other connections' views in between stay where they are).
      const mine = stored.views.flatMap((other, index) => (other.connectionId === connectionId ? [index] : []));
      const at = mine.indexOf(stored.views.indexOf(view));
      const to = mine[change.move === 'up' ? at - 1 : at + 1];
      if (to !== undefined) {
        const from = mine[at]!;
        [stored.views[from], stored.views[to]] = [stored.views[to]!, stored.views[from]!];
      }
    }
    if (change.isDefault === true) stored.defaults[connectionId] = view.id;
    if (change.isDefault === false && stored.defaults[connectionId] === view.id) delete stored.defaults[connectionId];
    return this.write(stored, connectionId);
  }

  delete(connectionId: string, id: string): SavedViewList {
    const stored = this.read();
    const view = this.find(stored, connectionId, id);
    stored.views = stored.views.filter((other) => other !== view);
    if (stored.defaults[connectionId] === id) delete stored.defaults[connectionId];
    return this.write(stored, connectionId);
  }

  /** Adds views (from a file) after the connection's own; a name already taken gets " (2)". All or nothing. */
  add(connectionId: string, views: readonly { name: string; state: ViewState }[]): { names: string[]; list: SavedViewList } {
    const stored = this.read();
    this.assertRoom(stored, connectionId, views.length);
    const taken = stored.views.filter((view) => view.connectionId === connectionId).map((view) => view.name);
    const names: string[] = [];
    for (const incoming of views) {
      const name = uniqueName(incoming.name, taken);
      taken.push(name);
      names.push(name);
      stored.views.push({ id: randomUUID(), name, connectionId, state: incoming.state });
    }
    return { names, list: this.write(stored, connectionId) };
  }

  /** Drops the views of a connection that was removed (its default too); others' stay in their order. */
  forget(connectionId: string): void {
    const stored = this.read();
    if (!stored.views.some((view) => view.connectionId === connectionId) && !(connectionId in stored.defaults)) return;
    stored.views = stored.views.filter((view) => view.connectionId !== connectionId);
    delete stored.defaults[connectionId];
    this.write(stored, connectionId);
  }

  /** Every view of the connection, in order (for the export). */
  views(connectionId: string): SavedView[] {
    return this.read().views.filter((view) => view.connectionId === connectionId);
  }

  private assertRoom(stored: Stored, connectionId: string, adding: number): void {
    const count = stored.views.filter((view) => view.connectionId === connectionId).length;
    if (count + adding > MAX_VIEWS) throw new AppError('INVALID_INPUT', englishMessage('viewsTooMany', { max: String(MAX_VIEWS), count: String(count) }));
  }

  private find(stored: Stored, connectionId: string, id: string): SavedView {
    const view = stored.views.find((other) => other.id === id && other.connectionId === connectionId);
    if (!view) throw new AppError('NOT_FOUND', englishMessage('viewNotFound'));
    return view;
  }

  private answer(stored: Stored, connectionId: string): SavedViewList {
    const views = stored.views.filter((view) => view.connectionId === connectionId);
    const defaultId = stored.defaults[connectionId];
    const unreadable = this.aside().filter((entry) => entry.connectionId === connectionId || entry.connectionId === null).length;
    return { views, defaultId: defaultId && views.some((view) => view.id === defaultId) ? defaultId : null, unreadable };
  }

  private aside(): Aside[] {
    const aside = this.store.get<unknown>(ASIDE_KEY);
    return Array.isArray(aside) ? (aside as Aside[]) : [];
  }

  /** The stored views; what cannot be read is moved aside first (and written so), whole or view by view. */
  private read(): Stored {
    const raw = this.store.get<unknown>(KEY);
    if (raw === undefined) return { version: 1, views: [], defaults: {} };
    const parsed = storedSchema.safeParse(raw);
    const putAside: Aside[] = [];
    let stored: Stored;
    if (!parsed.success) {
      putAside.push({ connectionId: null, raw });
      stored = { version: 1, views: [], defaults: {} };
    } else {
      const views: SavedView[] = [];
      for (const entry of parsed.data.views) {
        const view = savedViewSchema.safeParse(entry);
        if (view.success) views.push(view.data);
        else putAside.push({ connectionId: connectionOf(entry), raw: entry });
      }
      stored = { version: 1, views, defaults: parsed.data.defaults };
    }
    if (putAside.length > 0) {
      this.logger?.warn('Saved views that could not be read were kept aside', { count: putAside.length });
      this.store.set(ASIDE_KEY, [...this.aside(), ...putAside].slice(-ASIDE_MAX));
      this.store.set(KEY, stored);
    }
    return stored;
  }

  private write(stored: Stored, connectionId: string): SavedViewList {
    try {
      this.store.set(KEY, stored);
    } catch (error) {
      throw new AppError('STORAGE', englishMessage('viewsSaveFailed'), { cause: error });
    }
    return this.answer(stored, connectionId);
  }
}

function connectionOf(entry: unknown): string | null {
  const id = (entry as { connectionId?: unknown } | null)?.connectionId;
  return typeof id === 'string' ? id : null;
}
