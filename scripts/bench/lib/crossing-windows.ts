import type { StartupFigures } from '../page/probe-startup';
import type { CoreCall } from './bench-page';
import type { CrossingWindow, TimelineInput } from './electron-estimate';

/** One read ahead as the core published it (electron/core/invoices/read/window-ahead.ts), with when it ended (the bench's clock). */
export interface ReadAhead {
  ms: number;
  endedAt: number;
}

/** How one answer crosses: the core's thread's part, the page's, and the time between on neither (see CrossingWindow). */
type Crossing = Pick<CrossingWindow, 'serializeMs' | 'deserializeMs' | 'transitMs'>;

/**
 * The Electron model's input (electron-estimate.ts) from one run's measurements: the page's list calls (page clock),
 * the core's dispatches of them and its read aheads (the bench's clock: only their durations cross between the two
 * clocks), each answer's structured clone (v8.serialize in the core, v8.deserialize in the page, timed apart), and the
 * page's tasks. Null when the page's calls and the core's do not pair up.
 */
export function crossingWindows(figures: StartupFigures, cores: readonly CoreCall[], aheads: readonly ReadAhead[], clones: readonly Crossing[]): TimelineInput | null {
  if (clones.length < figures.listCalls.length) return null;
  return windowsOf(figures, cores, aheads, (k) => ({ ...clones[k]!, transitMs: 0 }));
}

/**
 * The same run's windows with the harness's own crossing in place of the clone — the bench's packing on the core's
 * thread (JSON.stringify; under the binary crossing also the parts' copy), the probe's taking it on the page's (from
 * every byte in: JSON.parse, the typed arrays made), the rest of the page's round trip in between (the binding, the
 * fetch) — to check the model: laid out,
 * it should come to the "every invoice loaded" the harness measured. (An answer that arrived while the page was busy
 * has that wait in its transit too, and the model may make it wait again: the replay errs long.)
 */
export function harnessReplay(figures: StartupFigures, cores: readonly CoreCall[], aheads: readonly ReadAhead[]): TimelineInput | null {
  return windowsOf(figures, cores, aheads, (k) => {
    const call = figures.listCalls[k]!;
    const parseMs = call.startedAt + call.ms - call.handledAt;
    return { serializeMs: cores[k]!.jsonMs, deserializeMs: parseMs, transitMs: call.ms - cores[k]!.ms - cores[k]!.jsonMs - parseMs };
  });
}

function windowsOf(figures: StartupFigures, cores: readonly CoreCall[], aheads: readonly ReadAhead[], crossing: (k: number) => Crossing): TimelineInput | null {
  const pages = figures.listCalls;
  if (pages.length === 0 || pages.length !== cores.length || figures.allRowsAt === null) return null;
  if (pages.some((call, k) => call.offset !== cores[k]!.offset || call.connectionId !== cores[k]!.connectionId)) return null;
  const answeredAt = (k: number) => pages[k]!.startedAt + pages[k]!.ms;
  const windows = pages.map((_, k): CrossingWindow => {
    const next = pages[k + 1];
    // The read ahead of window k ran between the core's answer to k − 1 and its dispatch of k (one thread: a dispatch
    // waits for a read ahead that is running). One before the first window is none of this load's.
    const aheadMs = k === 0 ? 0 : aheads.filter((ahead) => ahead.endedAt > cores[k - 1]!.endedAt && ahead.endedAt <= cores[k]!.startedAt).reduce((total, ahead) => total + ahead.ms, 0);
    return {
      coreMs: cores[k]!.ms,
      ...crossing(k),
      aheadMs,
      toAskMs: next ? next.startedAt - answeredAt(k) : 0,
      // The asking turn after the ask (the decode of window k), then every task the page started before it took the
      // next answer: window k's parts and renders — and whatever of the windows before was still queued (counted once).
      afterAskMs: next ? next.askTurnEndedAt - next.startedAt + busyWithin(figures.busy, next.askTurnEndedAt, next.handledAt) : 0,
    };
  });
  return { windows, firstAskedAt: pages[0]!.startedAt, tailMs: figures.allRowsAt - answeredAt(pages.length - 1) };
}

/** The page's JavaScript in tasks that started in [from, to), whole ([start, end] pairs in time order). */
function busyWithin(busy: readonly number[], from: number, to: number): number {
  let total = 0;
  for (let i = 0; i < busy.length; i += 2) if (busy[i]! >= from && busy[i]! < to) total += busy[i + 1]! - busy[i]!;
  return total;
}
