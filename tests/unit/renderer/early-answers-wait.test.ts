import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * Issue #19 (boot.tsx): the App's first render waits for the answers the page asked for as it started — so it renders
 * the workspace with its first rows once, instead of a Loading screen first — but never longer than its limit, and a
 * failed answer ends the wait as well as an arrived one (the App then shows what failed). The bridge here stands in for
 * the preload; each answer is let go by the test.
 */
function held<T>() {
  let settle!: { resolve: (value: T) => void; reject: (error: unknown) => void };
  const promise = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  return { promise, ...settle };
}

function page() {
  const answers = {
    info: held<unknown>(),
    settings: held<unknown>(),
    connections: held<unknown>(),
    list: held<unknown>(),
    views: held<unknown>(),
  };
  const bridge = {
    app: { info: () => answers.info.promise },
    settings: { get: () => answers.settings.promise },
    connections: { list: () => answers.connections.promise },
    invoices: { list: () => answers.list.promise },
    views: { list: () => answers.views.promise },
    on: () => () => undefined,
  };
  vi.stubGlobal('window', { budgetly: bridge });
  vi.stubGlobal('localStorage', { getItem: (key: string) => (key === 'budgetly.activeConnection' ? 'a' : null), setItem: () => undefined });
  return answers;
}

async function fresh() {
  vi.resetModules();
  const startup = await import('../../../renderer/src/api/early-startup');
  const windows = await import('../../../renderer/src/api/early-first-window');
  windows.askFirstWindowsEarly();
  startup.askStartupEarly();
  let done = false;
  void startup.earlyAnswersIn(400, windows.earlyFirstAsks()).then(() => (done = true));
  return { startup, windows, done: () => done };
}

const ok = (value: unknown) => ({ ok: true, value });
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('the first render waits for the answers asked as the page started', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('until every one has arrived — and then the App starts from them (no Loading screen first)', async () => {
    const answers = page();
    const { startup, windows, done } = await fresh();
    answers.info.resolve(ok({ version: '1' }));
    answers.settings.resolve(ok({ language: 'en' }));
    answers.connections.resolve(ok([{ id: 'a' }]));
    answers.views.resolve(ok({ views: [], defaultId: null, unreadable: 0 }));
    await flush();
    // The first rows are still on their way: no render yet.
    expect(done()).toBe(false);
    answers.list.resolve(ok({ invoices: [], total: 0, offset: 0, version: 'v1' }));
    await flush();
    expect(done()).toBe(true);
    expect(startup.arrivedEarly('settings')).toEqual({ language: 'en' });
    expect(startup.arrivedEarly('connections')).toEqual([{ id: 'a' }]);
    expect(windows.arrivedEarlyFirstWindow('a')).toMatchObject({ version: 'v1' });
  });

  it('a failed answer ends the wait as an arrived one does (the App shows what failed)', async () => {
    const answers = page();
    const { done } = await fresh();
    answers.info.resolve(ok({ version: '1' }));
    answers.settings.resolve({ ok: false, error: { code: 'internal', message: 'settings unreadable' } });
    answers.connections.reject(new Error('bridge gone'));
    answers.list.reject(new Error('bridge gone'));
    answers.views.resolve(ok({ views: [], defaultId: null, unreadable: 0 }));
    await flush();
    expect(done()).toBe(true);
  });

  it('never longer than its limit: answers that do not come leave the Loading screen to say so', async () => {
    vi.useFakeTimers();
    page();
    const { done } = await fresh();
    await vi.advanceTimersByTimeAsync(399);
    expect(done()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done()).toBe(true);
  });

  it('at once when nothing was asked (a page without the bridge)', async () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('localStorage', { getItem: () => null });
    vi.resetModules();
    const startup = await import('../../../renderer/src/api/early-startup');
    startup.askStartupEarly();
    let done = false;
    void startup.earlyAnswersIn(400).then(() => (done = true));
    await flush();
    expect(done).toBe(true);
  });
});
