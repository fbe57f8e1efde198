import { nextFrame, page } from './dom-lite';
import { busy, stopBusy } from './probe-busy';

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
   * Page-side round trips of invoices.list (ms), with the size of the answer as JSON, the window's offset and its connection;
   * for the Electron model (lib/electron-estimate.ts): when the page began taking the answer (before the harness's parse),
   * and when the page's work that asked this window (the loader's turn: the decode of the window before) ended.
   */
  listCalls: { startedAt: number; ms: number; chars: number; rows: number; offset: number; connectionId: string; handledAt: number; askTurnEndedAt: number }[];
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
    const handledAt = page.performance.now();
    const result = channel === 'invoices.listColumns' ? columnsFromText(JSON.parse(text)) : (JSON.parse(text) as unknown);
    if (startup.firstRowAt === null) startup.bootCalls.push({ channel, startedAt: started, ms: page.performance.now() - started });
    if (channel === 'invoices.list' || channel === 'invoices.listColumns') {
      const ms = page.performance.now() - started;
      const value = (result as { value?: { invoices?: unknown[]; columns?: { length: number } } }).value;
      const asked = (input ?? {}) as { offset?: number; connectionId?: string };
      startup.listCalls.push({ startedAt: started, ms, chars: text.length, rows: value?.invoices?.length ?? value?.columns?.length ?? 0, offset: asked.offset ?? 0, connectionId: asked.connectionId ?? '', handledAt, askTurnEndedAt });
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

const TYPED = { Uint32Array, Float64Array, Uint8Array } as const;

/** An invoices.listColumns answer as bench-page.ts's columnsAsText sent it, with its typed arrays made again (part of the crossing's time). */
function columnsFromText(result: { ok: boolean; value?: { columns: Record<string, unknown> } }): unknown {
  if (!result.ok || !result.value) return result;
  const typed = (group: unknown) => {
    const out: Record<string, unknown> = {};
    for (const [key, cells] of Object.entries(group as Record<string, { ta: keyof typeof TYPED; b: string } | null>)) {
      if (cells === null) out[key] = null;
      else {
        const binary = page.atob(cells.b);
        const bytes = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
        out[key] = new TYPED[cells.ta](bytes.buffer);
      }
    }
    return out;
  };
  const { columns } = result.value;
  return { ...result, value: { ...result.value, columns: { ...columns, text: typed(columns.text), numbers: typed(columns.numbers), missing: typed(columns.missing) } } };
}
