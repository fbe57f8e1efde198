import { describe, expect, it } from 'vitest';
import type { InvoiceList, InvoiceRow } from '../../../electron/contract';
import { createInvoiceListLoader, LOADING, type ArrivedWindow, type InvoiceListSnapshot } from '../../../renderer/src/api/invoice-list-loader';
import { BridgeError } from '../../../renderer/src/api/result';
import { createListParts } from '../../../renderer/src/workspace/list-parts';
import { row } from './invoice-fixtures';

/** One copy of the offline invoices as the core holds it (every sync makes a new version). */
interface Copy {
  version: string;
  rows: InvoiceRow[];
  syncedAt?: string;
}

const copyOf = (version: string, count: number, syncedAt = '2026-03-01T10:00:00.000Z'): Copy => ({
  version,
  rows: Array.from({ length: count }, () => row()),
  syncedAt,
});

/** A call to `invoices.list` waiting for its answer: the test decides when, from which copy, or that it fails. */
interface Asked {
  offset: number;
  limit: number;
  answer(copy: Copy): void;
  fail(error: unknown): void;
}

const windowOf = (copy: Copy, offset: number, limit: number): InvoiceList => ({
  invoices: copy.rows.slice(offset, offset + limit),
  total: copy.rows.length,
  offset,
  version: copy.version,
  payments: 'available',
  syncedAt: copy.syncedAt ?? null,
  object: 'Invoice',
  statusKinds: {},
  warnings: [],
});

/** Lets every answer given so far travel through the loader. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** `initial`: what the workspace already shows when the loader starts (its first window, asked as the page started). */
function loaderUnderTest(initial?: InvoiceListSnapshot) {
  const asked: Asked[] = [];
  const shown: InvoiceListSnapshot[] = [];
  const loader = createInvoiceListLoader({
    fetchWindow: (offset, limit) =>
      new Promise<InvoiceList>((resolve, reject) => {
        asked.push({ offset, limit, answer: (copy) => resolve(windowOf(copy, offset, limit)), fail: reject });
      }),
    onChange: (snapshot) => shown.push(snapshot),
    afterPaint: () => Promise.resolve(),
    initial,
  });
  // What the workspace shows: the last snapshot said, else what it started from (nothing changed yet: nothing said).
  const last = () => shown.at(-1) ?? initial ?? LOADING;
  /** Answers every waiting call from `copy`, in order, until none is left waiting. */
  const answerAll = async (copy: Copy) => {
    for (let guard = 0; guard < 100; guard++) {
      await settle();
      const waiting = asked.filter((call) => !('done' in call));
      if (waiting.length === 0) return;
      for (const call of waiting) {
        Object.assign(call, { done: true });
        call.answer(copy);
      }
    }
    throw new Error('the loader kept asking');
  };
  return { loader, asked, shown, last, answerAll };
}

const ids = (snapshot: InvoiceListSnapshot) => snapshot.list?.invoices.map((r) => r.id) ?? [];

describe('the invoice list loader (windows of the offline copy, in the default order)', () => {
  it('shows the first window at once with the progress, then every invoice at once, in order', async () => {
    const { loader, asked, shown, last } = loaderUnderTest();
    const copy = copyOf('v1', 1_200);
    loader.start();
    expect(last()).toMatchObject({ list: null, loading: true, complete: false });

    asked[0]!.answer(copy);
    await settle();
    const firstWindow = shown.find((s) => s.list !== null)!;
    expect(firstWindow.complete).toBe(false);
    expect(firstWindow.progress).toEqual({ loaded: asked[0]!.limit, total: 1_200 });
    expect(ids(firstWindow)).toEqual(copy.rows.slice(0, asked[0]!.limit).map((r) => r.id));

    // The rest is asked from where the first window ended, until the copy's total.
    for (let i = 1; last().loading; i++) {
      expect(asked[i]!.offset).toBe(asked[i - 1]!.offset + asked[i - 1]!.limit);
      asked[i]!.answer(copy);
      await settle();
    }
    expect(last()).toMatchObject({ complete: true, progress: null, error: null, loading: false });
    expect(ids(last())).toEqual(copy.rows.map((r) => r.id));
  });

  it('goes on from the first window already on screen (asked as the page started): never back to no list, its rows kept', async () => {
    const copy = copyOf('v1', 1_200);
    const first = windowOf(copy, 0, 500);
    const { loader, asked, shown, last } = loaderUnderTest({ list: first, complete: false, progress: { loaded: 500, total: 1_200 }, error: null, loading: true });
    loader.start();
    // The first window is asked again (the workspace hands the loader the early answer itself): the same rows, nothing new to show.
    expect(asked[0]).toMatchObject({ offset: 0 });
    asked[0]!.answer(copy);
    await settle();
    for (let i = 1; last().loading; i++) {
      expect(asked[i]!.offset).toBe(asked[i - 1]!.offset + asked[i - 1]!.limit);
      asked[i]!.answer(copy);
      await settle();
    }
    // Issue #19: it used to say "no list" first (an empty grid, "No invoices", rendered before the first rows came back).
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((snapshot) => snapshot.list !== null)).toBe(true);
    // Until every invoice is in, the list on screen stays the very window first shown (no render of the same rows again).
    expect(shown.filter((snapshot) => !snapshot.complete).every((snapshot) => snapshot.list === first)).toBe(true);
    expect(last()).toMatchObject({ complete: true, progress: null, error: null, loading: false });
    expect(ids(last())).toEqual(copy.rows.map((r) => r.id));
  });

  it('drops an answer to an older load that arrives after the newer one (out of order), never showing the old copy', async () => {
    const { loader, asked, last } = loaderUnderTest();
    loader.start();
    loader.changed(); // a sync finished while the first window was on its way
    const old = copyOf('v1', 3);
    const fresh = copyOf('v2', 4);
    asked[1]!.answer(fresh);
    await settle();
    expect(ids(last())).toEqual(fresh.rows.map((r) => r.id));
    asked[0]!.answer(old);
    await settle();
    expect(last().list?.version).toBe('v2');
    expect(ids(last())).toEqual(fresh.rows.map((r) => r.id));
  });

  it('never puts windows of two copies together: a new version between windows starts the loading over', async () => {
    const { loader, asked, last, answerAll } = loaderUnderTest();
    const v1 = copyOf('v1', 1_200);
    const v2 = copyOf('v2', 1_100);
    loader.start();
    asked[0]!.answer(v1);
    await settle();
    asked[1]!.answer(v2); // the copy was replaced by a sync between the two windows
    await settle();
    expect(asked[2]).toMatchObject({ offset: 0 });
    await answerAll(v2);
    expect(last()).toMatchObject({ complete: true, loading: false });
    expect(ids(last())).toEqual(v2.rows.map((r) => r.id));
  });

  it('keeps what it loaded when a window fails, says why, and continues from there on retry', async () => {
    const { loader, asked, last, answerAll } = loaderUnderTest();
    const copy = copyOf('v1', 1_200);
    loader.start();
    asked[0]!.answer(copy);
    await settle();
    asked[1]!.fail(new BridgeError('NETWORK', 'The main process did not answer.'));
    await settle();
    expect(last()).toMatchObject({ loading: false, complete: false, error: { code: 'NETWORK', message: 'The main process did not answer.' } });
    expect(last().list?.invoices).toHaveLength(asked[0]!.limit);

    const before = asked.length;
    loader.retry();
    expect(last()).toMatchObject({ loading: true, error: null });
    await settle();
    expect(asked[before]).toMatchObject({ offset: asked[0]!.limit }); // not from the start
    await answerAll(copy);
    expect(last()).toMatchObject({ complete: true, error: null, loading: false });
    expect(ids(last())).toEqual(copy.rows.map((r) => r.id));
  });

  it('turns anything thrown into a BridgeError, and a retry after a failed first window asks it again', async () => {
    const { loader, asked, last, answerAll } = loaderUnderTest();
    loader.start();
    asked[0]!.fail(new Error('bridge gone'));
    await settle();
    expect(last().error).toBeInstanceOf(BridgeError);
    expect(last()).toMatchObject({ list: null, loading: false, error: { code: 'INTERNAL', message: 'bridge gone' } });

    loader.retry();
    const copy = copyOf('v1', 2);
    await answerAll(copy);
    expect(asked[1]).toMatchObject({ offset: 0 });
    expect(last()).toMatchObject({ complete: true, error: null });
    expect(ids(last())).toEqual(copy.rows.map((r) => r.id));
  });

  it('keeps the very same rows when a sync changed nothing (same version), with the new sync time', async () => {
    const { loader, last, answerAll } = loaderUnderTest();
    const copy = copyOf('v1', 3);
    loader.start();
    await answerAll(copy);
    const rows = last().list!.invoices;
    loader.changed();
    await answerAll({ ...copy, syncedAt: '2026-03-02T08:00:00.000Z' });
    expect(last().list!.invoices).toBe(rows);
    expect(last().list!.syncedAt).toBe('2026-03-02T08:00:00.000Z');
  });

  it('keeps the complete list on screen while a changed copy reloads, then switches to all of it at once', async () => {
    const { loader, shown, last, answerAll } = loaderUnderTest();
    const v1 = copyOf('v1', 1_200);
    const v2 = copyOf('v2', 1_300);
    loader.start();
    await answerAll(v1);
    const from = shown.length;
    loader.changed();
    await answerAll(v2);
    const during = shown.slice(from, -1);
    expect(during.length).toBeGreaterThan(0);
    for (const snapshot of during) expect(snapshot).toMatchObject({ complete: true, list: { version: 'v1' } });
    expect(ids(last())).toEqual(v2.rows.map((r) => r.id));
  });

  it('decodes a window while the next one is on its way, shows what arrived as the progress, and keeps the rows before an unreadable window', async () => {
    const copy = copyOf('v1', 30_500);
    const happened: string[] = [];
    const waiting: (() => void)[] = [];
    let unreadable = 20_500;
    const shown: InvoiceListSnapshot[] = [];
    const loader = createInvoiceListLoader({
      fetchWindow: (offset, limit) => {
        happened.push(`ask ${offset}`);
        if (offset === 0) return Promise.resolve(windowOf(copy, 0, limit));
        const { invoices, ...list } = windowOf(copy, offset, limit);
        const rows = () => {
          happened.push(`decode ${offset}`);
          if (offset === unreadable) throw new BridgeError('INTERNAL', 'The invoice list window could not be read.');
          return invoices;
        };
        return new Promise<ArrivedWindow>((resolve) => waiting.push(() => resolve({ ...list, count: invoices.length, rows })));
      },
      onChange: (snapshot) => shown.push(snapshot),
      afterPaint: () => Promise.resolve(),
    });
    const last = () => shown.at(-1)!;
    const answerNext = async () => {
      waiting.shift()!();
      await settle();
    };
    loader.start();
    await settle();
    await answerNext(); // 500–10,500 arrived: the next is asked before it is decoded
    expect(happened).toEqual(['ask 0', 'ask 500', 'ask 10500', 'decode 500']);
    expect(last().progress).toEqual({ loaded: 10_500, total: 30_500 });
    await answerNext(); // 10,500–20,500 arrived
    expect(happened.slice(4)).toEqual(['ask 20500', 'decode 10500']);
    expect(last().progress).toEqual({ loaded: 20_500, total: 30_500 });
    await answerNext(); // 20,500–30,500 arrived: the last window, and it cannot be read
    expect(happened.slice(6)).toEqual(['decode 20500']);
    expect(last()).toMatchObject({ loading: false, complete: false, error: { code: 'INTERNAL' } });
    expect(last().list?.invoices).toHaveLength(500);

    // Retry goes on from the unreadable window (the rows before it were kept), and the list completes in order.
    unreadable = -1;
    loader.retry();
    await settle();
    expect(happened.slice(7)).toEqual(['ask 20500']);
    await answerNext();
    expect(last()).toMatchObject({ complete: true, loading: false, error: null });
    expect(ids(last())).toEqual(copy.rows.map((r) => r.id));
  });

  it('makes each window’s parts while the next one is on its way, in order, and joins them before the list shows complete', async () => {
    const copy = copyOf('v1', 30_500);
    const happened: string[] = [];
    const waiting: (() => void)[] = [];
    const shown: InvoiceListSnapshot[] = [];
    const offsetOf = new Map(copy.rows.map((r, k) => [r, k]));
    const loader = createInvoiceListLoader({
      fetchWindow: (offset, limit) => {
        happened.push(`ask ${offset}`);
        if (offset === 0) return Promise.resolve(windowOf(copy, 0, limit));
        return new Promise<InvoiceList>((resolve) => waiting.push(() => resolve(windowOf(copy, offset, limit))));
      },
      onChange: (snapshot) => shown.push(snapshot),
      afterPaint: () => Promise.resolve(),
      // The workspace's parts, each step written down: the window's first row's place, and whether the join took.
      windowParts: () => {
        const parts = createListParts();
        return {
          add: (rows) => {
            happened.push(`part ${offsetOf.get(rows[0]!)}`);
            parts.add(rows);
          },
          join: (rows) => {
            const joined = parts.join(rows);
            happened.push(`join ${joined} (${shown.at(-1)?.complete ? 'after' : 'before'} complete)`);
            return joined;
          },
        };
      },
    });
    loader.start();
    await settle();
    expect(happened).toEqual(['ask 0', 'ask 500']);
    waiting.shift()!();
    await settle();
    // 500–10,500 arrived: the next is asked, then the first two windows' parts are made while it crosses.
    expect(happened.slice(2)).toEqual(['ask 10500', 'part 0', 'part 500']);
    waiting.shift()!();
    await settle();
    expect(happened.slice(5)).toEqual(['ask 20500', 'part 10500']);
    waiting.shift()!();
    await settle();
    expect(happened.slice(7)).toEqual(['part 20500', 'join true (before complete)']);
    expect(shown.at(-1)).toMatchObject({ complete: true, loading: false });
    // The complete list is the windows' rows in order (what the workspace prepares of it is then what they made:
    // list-parts.test.ts, equal to one pass over the rows).
    expect(ids(shown.at(-1)!)).toEqual(copy.rows.map((r) => r.id));
  });

  it('says nothing more once disposed (the workspace closed): late answers are dropped', async () => {
    const { loader, asked, shown } = loaderUnderTest();
    loader.start();
    const count = shown.length;
    loader.dispose();
    asked[0]!.answer(copyOf('v1', 3));
    await settle();
    expect(shown).toHaveLength(count);
  });
});
