import { resultRow } from '../lib/rows';
import type { Scenario } from '../lib/types';

/** Scrolling the grid top to bottom: long tasks (> 50 ms) and the time between frames. */
export const scroll: Scenario = {
  name: 'scroll',
  async run({ uiRuns, org }) {
    const runs = await uiRuns();
    const scenario = `scroll through ${org.invoices.toLocaleString('en-US')}`;
    const first = runs[0]!.scroll;
    return [
      resultRow({
        scenario,
        metric: 'long tasks > 50 ms',
        unit: 'count',
        app: runs.map((r) => r.scroll.longTasks),
        target: '0 long tasks',
        // Judged on the median of the runs, like every other figure (issue #7); the note lists each run's longest task.
        pass: (a) => a.median === 0,
        note: `${first.frames} frames, ${first.rowsTravelled.toLocaleString('en-US')} rows travelled per run; long tasks per run: ${runs.map((r) => r.scroll.longTasks).join(', ')}; longest task per run: ${runs.map((r) => Math.round(r.scroll.longestTaskMs)).join(', ')} ms; frames with no row in view: ${runs.map((r) => r.scroll.blankFrames).join(', ')}`,
      }),
      resultRow({ scenario, metric: 'frame time p95', unit: 'ms', app: runs.map((r) => r.scroll.frameP95), target: 'context (16.7 ms = 60 fps)', pass: null }),
    ];
  },
};
