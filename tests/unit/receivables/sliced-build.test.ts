import { describe, expect, it } from 'vitest';
import { oncePerCopyInSlices, SLICE_MS, type Build } from '../../../electron/core/invoices/read/sliced-build';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Busy for longer than a background slice may run: each chunk of rows is a slice of its own. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spin
  }
}

/** An index of `rows` numbers in one pass, each chunk of 4,096 rows slower than a slice; counts its builds and chunks. */
function counted(rows: number, options: { failAt?: number } = {}) {
  const stats = { builds: 0, chunks: 0 };
  const index = oncePerCopyInSlices((_key: object): Build<number[]> => {
    stats.builds++;
    const seen: number[] = [];
    return {
      passes: [{
        length: rows,
        rows(from, to) {
          stats.chunks++;
          if (options.failAt !== undefined && from <= options.failAt && options.failAt < to) throw new Error('unreadable row');
          busy(SLICE_MS + 1);
          for (let row = from; row < to; row++) seen.push(row);
        },
      }],
      answer: () => seen,
    };
  });
  return { index, stats };
}

describe('a per-copy index built in slices in the background (issue #13: the first call after a sync)', () => {
  it('is made in the background without any call, a slice per task, and then kept', async () => {
    const { index, stats } = counted(3 * 4096);
    const key = {};
    const warm = index.warm(key, () => true);
    // Nothing in the caller's task: the first slice comes after what was waiting.
    expect(stats.chunks).toBe(0);
    await turn();
    await turn();
    expect(index.made(key)).toBeUndefined();
    await warm;
    expect(index.made(key)).toHaveLength(3 * 4096);
    expect(index(key)).toBe(index.made(key));
    expect(stats).toEqual({ builds: 1, chunks: 3 });
  });

  it('a call that comes mid-way finishes the same build at once, with the whole answer (never a half-built one)', async () => {
    const { index, stats } = counted(4 * 4096);
    const key = {};
    const warm = index.warm(key, () => true);
    await turn();
    await turn();
    expect(stats.chunks).toBeGreaterThan(0);
    expect(stats.chunks).toBeLessThan(4);
    const answer = index(key);
    expect(answer).toEqual(Array.from({ length: 4 * 4096 }, (_, i) => i));
    // The build under way was finished, not started again; the warm-up then stops.
    expect(stats).toEqual({ builds: 1, chunks: 4 });
    await warm;
    expect(stats.chunks).toBe(4);
    expect(index(key)).toBe(answer);
  });

  it('gives up when the copy is no longer wanted (a newer one came), and a later call still builds it whole', async () => {
    const { index, stats } = counted(3 * 4096);
    const key = {};
    let wanted = true;
    const warm = index.warm(key, () => wanted);
    await turn();
    await turn();
    wanted = false;
    await warm;
    expect(index.made(key)).toBeUndefined();
    expect(stats.chunks).toBeLessThan(3);
    expect(index(key)).toHaveLength(3 * 4096);
    expect(stats.builds).toBe(1);
  });

  it('a build that fails in the background is dropped: the next call builds it again and gets the error itself', async () => {
    const { index, stats } = counted(3 * 4096, { failAt: 4096 });
    const key = {};
    await index.warm(key, () => true);
    expect(index.made(key)).toBeUndefined();
    expect(() => index(key)).toThrow('unreadable row');
    expect(stats.builds).toBe(2);
  });
});
