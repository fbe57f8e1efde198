import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_LIST_WINDOW } from '../../../electron/contract/list-window';

/**
 * The page asks for the first rows of the view it opens on before React renders (#19): for the connection it remembers,
 * or every synced connection for All connections; the workspace takes that answer once as its first window, and a list
 * changed in between (a sync) is asked for again. The bridge here stands in for the preload (Electron's side).
 */
type Listener = (payload: { connectionId: string }) => void;

function page(remembered: string | null) {
  const asked: { connectionId: string; offset?: number; limit?: number }[] = [];
  const calls: string[] = [];
  const listeners: Listener[] = [];
  const storage = new Map(remembered === null ? [] : [['budgetly.activeConnection', remembered]]);
  const bridge = {
    invoices: {
      list: (input: { connectionId: string; offset?: number; limit?: number }) => {
        asked.push(input);
        return Promise.resolve({ ok: true, value: { invoices: [], total: 0, offset: 0, version: `v-${input.connectionId}-${asked.length}` } });
      },
    },
    connections: {
      list: () => {
        calls.push('connections.list');
        return Promise.resolve({ ok: true, value: [{ id: 'a', lastSyncAt: '2026-12-01T00:00:00Z' }, { id: 'b', lastSyncAt: null }, { id: 'c', lastSyncAt: '2026-12-02T00:00:00Z' }] });
      },
    },
    views: {
      list: (input: { connectionId: string }) => {
        calls.push(`views.list ${input.connectionId}`);
        return Promise.resolve({ ok: true, value: { views: [], defaultId: null, unreadable: 0 } });
      },
    },
    app: { info: () => (calls.push('app.info'), Promise.resolve({ ok: true, value: { version: '1' } })) },
    settings: { get: () => (calls.push('settings.get'), Promise.resolve({ ok: true, value: { language: 'en' } })) },
    on: (_event: string, listener: Listener) => {
      listeners.push(listener);
      return () => undefined;
    },
  };
  vi.stubGlobal('window', { budgetly: bridge });
  vi.stubGlobal('localStorage', { getItem: (key: string) => storage.get(key) ?? null });
  return { asked, calls, changed: (connectionId: string) => listeners.forEach((listener) => listener({ connectionId })) };
}

async function fresh() {
  vi.resetModules();
  return import('../../../renderer/src/api/early-first-window');
}

describe('the first rows asked for as the page starts', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks the remembered connection’s first window at once; the workspace takes that answer once', async () => {
    const { asked } = page('a');
    const early = await fresh();
    early.askFirstWindowsEarly();
    expect(asked).toEqual([{ connectionId: 'a', offset: 0, limit: FIRST_LIST_WINDOW }]);
    await expect(early.takeEarlyFirstWindow('a')).resolves.toMatchObject({ version: 'v-a-1' });
    expect(early.takeEarlyFirstWindow('a')).toBeNull();
    expect(early.takeEarlyFirstWindow('c')).toBeNull();
  });

  it('for All connections, every synced connection’s first window once the connections are listed', async () => {
    const { asked } = page('all');
    const early = await fresh();
    early.askFirstWindowsEarly();
    await vi.waitFor(() => expect(asked.map((input) => input.connectionId)).toEqual(['a', 'c']));
    expect(early.takeEarlyFirstWindow('b')).toBeNull();
    expect(early.takeEarlyFirstWindow('c')).not.toBeNull();
  });

  it('a list that changed before the workspace took the answer is not given: the workspace asks again', async () => {
    const { changed } = page('a');
    const early = await fresh();
    early.askFirstWindowsEarly();
    changed('a');
    expect(early.takeEarlyFirstWindow('a')).toBeNull();
  });

  it('asks nothing without a remembered view', async () => {
    const { asked } = page(null);
    const early = await fresh();
    early.askFirstWindowsEarly();
    expect(asked).toEqual([]);
  });

  it('the answer once it has arrived is there at once for the first render; taken, or changed by a sync, it is gone', async () => {
    const { changed } = page('a');
    const early = await fresh();
    early.askFirstWindowsEarly();
    expect(early.arrivedEarlyFirstWindow('a')).toBeNull();
    await vi.waitFor(() => expect(early.arrivedEarlyFirstWindow('a')).toMatchObject({ version: 'v-a-1' }));
    const arrived = early.arrivedEarlyFirstWindow('a');
    // The same object the workspace's loader then takes (its rows are not prepared twice).
    await expect(early.takeEarlyFirstWindow('a')).resolves.toBe(arrived);
    expect(early.arrivedEarlyFirstWindow('a')).toBeNull();

    early.askFirstWindowsEarly();
    await vi.waitFor(() => expect(early.arrivedEarlyFirstWindow('a')).not.toBeNull());
    changed('a');
    expect(early.arrivedEarlyFirstWindow('a')).toBeNull();
  });

  it('asks the remembered connection’s saved views beside its first rows: the workspace knows its default view before it paints a row', async () => {
    const { calls } = page('a');
    const early = await fresh();
    early.askFirstWindowsEarly();
    expect(calls).toEqual(['views.list a']);
    expect(early.arrivedEarlyViews('a')).toBeNull();
    await vi.waitFor(() => expect(early.arrivedEarlyViews('a')).toEqual({ views: [], defaultId: null, unreadable: 0 }));
    await expect(early.takeEarlyViews('a')).resolves.toEqual({ views: [], defaultId: null, unreadable: 0 });
    expect(early.takeEarlyViews('a')).toBeNull();
    expect(early.arrivedEarlyViews('a')).toBeNull();
  });

  it('All connections: the connections are asked once at start, for the App and the first windows alike', async () => {
    const { calls, asked } = page('all');
    vi.resetModules();
    const startup = await import('../../../renderer/src/api/early-startup');
    const early = await import('../../../renderer/src/api/early-first-window');
    startup.askStartupEarly();
    early.askFirstWindowsEarly();
    await vi.waitFor(() => expect(asked.map((input) => input.connectionId)).toEqual(['a', 'c']));
    expect(calls.filter((call) => call === 'connections.list')).toHaveLength(1);
    // …and the App takes that same answer, once it has arrived, for its first render.
    expect(startup.arrivedEarly('connections')?.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    startup.dropEarly('connections');
    expect(startup.arrivedEarly('connections')).toBeNull();
  });

  it('All connections in the first module’s order (first windows asked, then the App’s answers): still one connections.list', async () => {
    const { calls, asked } = page('all');
    vi.resetModules();
    const startup = await import('../../../renderer/src/api/early-startup');
    const early = await import('../../../renderer/src/api/early-first-window');
    early.askFirstWindowsEarly();
    startup.askStartupEarly();
    await vi.waitFor(() => expect(asked.map((input) => input.connectionId)).toEqual(['a', 'c']));
    expect(calls.filter((call) => call === 'connections.list')).toHaveLength(1);
  });
});
