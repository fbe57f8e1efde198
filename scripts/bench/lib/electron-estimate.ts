import type { UiRun } from './types';

/**
 * "Every invoice loaded" as Electron would cross it (issue #19: judge on that, report both), run by run: as measured, minus
 * the harness's JSON crossing of every window, plus a structured clone of the same answers (v8.serialize + deserialize,
 * timed in the worker), plus the core's windows encoded ahead while an answer crossed — hidden in the harness's slow JSON
 * crossing, not in Electron's clone of a few ms (all of it added back: the stricter side for that term). The page's own
 * work (parse, render, row model) stays in it — except what it does while the next window crosses (the loader asks
 * window k+1, then decodes k and builds its parts: ~20 ms a 10,000-row window), which the JSON crossing still hides; in
 * Electron it overlaps the core's read ahead, so what is left uncounted is that work beyond the read ahead (a second
 * reader's estimate, not measured: 0–15 ms a window). Null when the windows' calls and answers did not pair up.
 */
export function electronAllRowsMs(run: UiRun): number | null {
  if (run.allRowsMs === null || run.listTransferAllMs === null) return null;
  return run.allRowsMs - run.listTransferAllMs + run.structuredCloneMs + run.listReadAheadMs;
}
