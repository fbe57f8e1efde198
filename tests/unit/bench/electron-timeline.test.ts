import { describe, expect, it } from 'vitest';
import { electronTimeline, type CrossingWindow } from '../../../scripts/bench/lib/electron-estimate';

/**
 * The bench's Electron model of "every invoice loaded" (scripts/bench/lib/electron-estimate.ts) on synthetic timelines:
 * three windows, the figures of each chosen so that one side is plainly the slow one, the expected times worked by hand.
 */
const windows = ({ aheadMs = 2, ...each }: Partial<CrossingWindow>, count = 3): CrossingWindow[] =>
  // The first window has no read ahead before it (nothing was answered before it).
  Array.from({ length: count }, (_, k) => ({ coreMs: 1, serializeMs: 2, deserializeMs: 3, toAskMs: 1, afterAskMs: 0, ...each, aheadMs: k === 0 ? 0 : aheadMs }));

describe('the Electron model of every invoice loaded', () => {
  it('a read ahead shorter than the deserialize and the ask back is hidden: not on the path', () => {
    // Answer 1 leaves at 1 + 2 = 3, the page has it at 6, asks at 7; the read ahead of window 2 ended at 3 + 2 = 5.
    // Window 2 leaves at 7 + 3 = 10, is had at 13, window 3 asked at 14 (its read ahead ended at 12), leaves at 17, had at 20.
    const timeline = electronTimeline({ windows: windows({ aheadMs: 2 }), firstAskedAt: 0, tailMs: 5 });
    expect(timeline.allRowsMs).toBe(25);
    expect(timeline.answersFirstMs).toBe(25);
    expect(timeline.aheadOnPathMs).toBe(0);
    expect(timeline.pageOnPathMs).toBe(0);
    // The swap estimate added every read ahead back: 4 ms more than this, for work the page's deserialize and ask hid.
    expect(timeline.sums.aheadMs).toBe(4);
  });

  it('a read ahead longer than the page\'s turn is on the path, less the deserialize and the ask back it hides', () => {
    // The read ahead of window 2 ends at 3 + 50 = 53; the ask came at 7 (46 ms waited); window 2 leaves at 56, had at 59,
    // window 3 asked at 60, its read ahead ends at 56 + 50 = 106 (46 waited), leaves at 109, had at 112.
    const timeline = electronTimeline({ windows: windows({ aheadMs: 50 }), firstAskedAt: 0, tailMs: 5 });
    expect(timeline.allRowsMs).toBe(117);
    expect(timeline.answersFirstMs).toBe(117);
    expect(timeline.aheadOnPathMs).toBe(92);
    expect(timeline.pageOnPathMs).toBe(0);
  });

  it('a page slower than the core: each answer waits for the page\'s work on the window before', () => {
    // The page asks window 2 at 7 and works on until 47; answer 2 left at 10 and is taken at 47 (37 waited), had at 50;
    // window 3 asked at 51, the page busy until 91; answer 3 left at 54, taken at 91 (37 waited), had at 94.
    const timeline = electronTimeline({ windows: windows({ aheadMs: 2, afterAskMs: 40 }), firstAskedAt: 0, tailMs: 5 });
    expect(timeline.allRowsMs).toBe(99);
    expect(timeline.aheadOnPathMs).toBe(0);
    expect(timeline.pageOnPathMs).toBe(74);
    // An answer that does not wait (taken at 10, 17) leaves the page's work to after it: the page is still the path.
    expect(timeline.answersFirstMs).toBe(99);
  });

  it('where the page\'s work runs into the next answer and the core then has work of its own, the two choices differ', () => {
    // Window 1 leaves at 3, is had at 6; window 2 asked at 7, the page busy until 37; window 2 is encoded at its ask
    // (20 ms, nothing read ahead): it leaves at 7 + 22 = 29.
    // Waiting: taken at 37 (8 ms waited), had at 40, window 3 asked at 41, leaves at 44, had at 47, tail 5 → 52.
    // Not waiting: had at 32, window 3 asked at 33, the page busy until 33 + 8 = 41; window 3 leaves at 36, taken at
    // once, had at 39, the 5 ms left → 44, tail → 49: the core's dispatch of window 3 ran beside the page's last 8 ms.
    const list: CrossingWindow[] = [
      { coreMs: 1, serializeMs: 2, deserializeMs: 3, aheadMs: 0, toAskMs: 1, afterAskMs: 30 },
      { coreMs: 20, serializeMs: 2, deserializeMs: 3, aheadMs: 0, toAskMs: 1, afterAskMs: 0 },
      { coreMs: 1, serializeMs: 2, deserializeMs: 3, aheadMs: 0, toAskMs: 0, afterAskMs: 0 },
    ];
    const timeline = electronTimeline({ windows: list, firstAskedAt: 0, tailMs: 5 });
    expect(timeline.allRowsMs).toBe(52);
    expect(timeline.answersFirstMs).toBe(49);
    expect(timeline.pageOnPathMs).toBe(8);
    expect(timeline.aheadOnPathMs).toBe(0);
  });

  it('the harness\'s replay: while an answer travels (neither thread busy) the core reads the next window ahead', () => {
    // Answer 1 leaves at 3, arrives at 23, had at 26, window 2 asked at 27 — its read ahead ended at 3 + 20 = 23: none on
    // the path. Window 2 leaves at 30, had at 53, window 3 asked at 54 (read ahead ended at 50), leaves at 57, had at 80.
    const timeline = electronTimeline({ windows: windows({ aheadMs: 20, transitMs: 20 }), firstAskedAt: 0, tailMs: 5 });
    expect(timeline.allRowsMs).toBe(85);
    expect(timeline.aheadOnPathMs).toBe(0);
  });

  it('starts at the first ask and never beats either thread alone, nor exceeds all the work done one after the other', () => {
    let seed = 29;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) * 40;
    for (let run = 0; run < 200; run++) {
      const count = 2 + Math.floor(random() / 4);
      const list = Array.from({ length: count }, (_, k) => ({ coreMs: random(), serializeMs: random(), deserializeMs: random(), aheadMs: k === 0 ? 0 : random(), toAskMs: random(), afterAskMs: random() }));
      const tailMs = random();
      const { allRowsMs, answersFirstMs } = electronTimeline({ windows: list, firstAskedAt: 100, tailMs });
      expect(answersFirstMs).toBeLessThanOrEqual(allRowsMs + 1e-9);
      const total = (key: Exclude<keyof CrossingWindow, 'transitMs'>, upTo = count) => list.slice(0, upTo).reduce((a, w) => a + w[key], 0);
      // The core's chain alone: every dispatch and serialize, and every read ahead but the first window's none.
      const core = total('coreMs') + total('serializeMs');
      // The page's chain alone: every deserialize, every turn to the next ask, then the tail.
      const page = total('deserializeMs') + total('toAskMs', count - 1) + tailMs;
      expect(allRowsMs).toBeGreaterThanOrEqual(100 + Math.max(core, page) - 1e-9);
      expect(allRowsMs).toBeLessThanOrEqual(100 + core + page + total('aheadMs') + total('afterAskMs', count - 1) + 1e-9);
    }
  });
});
