import { nextFrame, page } from './dom-lite';
import { busy, stopBusy } from './probe-busy';
import { takeAnswer } from './probe-crossing';

/** A data row of the invoices grid (the header row lives in .grid-head). */
export const ROW_SELECTOR = '[role="grid"] .grid-body [role="row"]';

export interface StartupFigures {
  /** ms since navigation start when the first invoice row was in the DOM. */
  firstRowAt: number | null;
  /** …and when the frame that paints it began (the next animation frame). */
  firstRowFrameAt: number | null;
  /** ms since navigation start when the row count said every invoice was loaded (data-complete="true"). */
  allRowsAt: number | null;
  /**
   * Page-side round trips of invoices.list (ms), with the size of the answer as JSON text and as bytes fetched beside it
   * (probe-crossing.ts), the window's offset and its connection; for the Electron model (lib/electron-estimate.ts): when
   * the page began taking the answer (every byte in, before the harness's parse and typed arrays), and when the page's
   * work that asked this window (the loader's turn: the decode of the window before) ended.
   */
  listCalls: { startedAt: number; ms: number; chars: number; bytes: number; rows: number; offset: number; connectionId: string; handledAt: number; askTurnEndedAt: number }[];
  /** The page's JavaScript tasks until every invoice was loaded (probe-busy.ts): start, end, start, end … */
  busy: number[];
  /** Every bridge call answered before the first row was in the DOM (channel, asked at, page-side round trip): the boot's waterfall. */
  bootCalls: { channel: string; startedAt: number; ms: number }[];
}

export const startup: StartupFigures = { firstRowAt: null, firstRowFrameAt: null, allRowsAt: null, listCalls: [], bootCalls: [], busy };

/** The row count's element once the workspace says the list is complete. */
export const ALL_ROWS_SELECTOR = '[data-testid="row-count"][data-complete="true"]';

/** Routes window.budgetly's calls to the core binding, timing invoices.list on the page side. */
export function installInvokeTimer(): void {
  page.__budgetlyInvoke = async (channel, input) => {
    const started = page.performance.now();
    const answer = page.__benchInvoke!(channel, input);
    // The asking turn's end: the caller's code after the ask runs first (the loader decodes the window before), then this.
    let askTurnEndedAt = started;
    queueMicrotask(() => (askTurnEndedAt = page.performance.now()));
    const text = (await answer) as string;
    const { value: result, handledAt, bytes } = await takeAnswer(channel, text);
    if (startup.firstRowAt === null) startup.bootCalls.push({ channel, startedAt: started, ms: page.performance.now() - started });
    if (channel === 'invoices.list' || channel === 'invoices.listColumns') {
      const ms = page.performance.now() - started;
      const value = (result as { value?: { invoices?: unknown[]; columns?: { length: number } } }).value;
      const asked = (input ?? {}) as { offset?: number; connectionId?: string };
      startup.listCalls.push({ startedAt: started, ms, chars: text.length, bytes, rows: value?.invoices?.length ?? value?.columns?.length ?? 0, offset: asked.offset ?? 0, connectionId: asked.connectionId ?? '', handledAt, askTurnEndedAt });
    }
    return result;
  };
}

/** Watches the DOM from the first script on until every invoice is loaded (the UI scenarios start then). */
export function watchAllRows(): void {
  const observer = new page.MutationObserver(() => {
    if (startup.allRowsAt !== null || !page.document.querySelector(ALL_ROWS_SELECTOR)) return;
    startup.allRowsAt = page.performance.now();
    stopBusy();
    observer.disconnect();
    console.timeStamp(`bench:all-rows ${startup.allRowsAt}`);
  });
  observer.observe(page.document, { subtree: true, childList: true, attributes: true });
}

/** Watches the DOM from the first script on until the first invoice row appears. */
export function watchFirstRow(): void {
  const observer = new page.MutationObserver(() => {
    if (startup.firstRowAt !== null || !page.document.querySelector(ROW_SELECTOR)) return;
    startup.firstRowAt = page.performance.now();
    observer.disconnect();
    // Marks in a trace (BENCH_PAGE_TRACE): the message carries the page's clock, so a trace reader finds navigation too.
    console.timeStamp(`bench:first-row-dom ${startup.firstRowAt}`);
    void nextFrame().then((time) => {
      startup.firstRowFrameAt = time;
      console.timeStamp(`bench:first-row-frame ${time}`);
    });
  });
  observer.observe(page.document, { subtree: true, childList: true });
}
