/**
 * A per-copy index built in passes over rows, so that it can be built in slices in the background (after a sync has
 * answered, after the copy was loaded at start) without one long task on the core's thread — the core runs on Electron's
 * main process thread, where a 0.6 s build holds up every IPC answer and window event for 0.6 s (issue #13: the customer
 * view's first call after a sync built its indexes then, BENCHMARKS session 31) — and finished at once by a call that
 * arrives mid-way: no call waits for a timer, none is answered from a half-built index (only a finished build is kept).
 */

/** One pass of a build: `rows(from, to)` does rows [from, to) of its `length`. A pass may read what earlier passes made. */
export interface Pass {
  length: number;
  rows(from: number, to: number): void;
}

/** A build: its passes in order, and its answer once every pass is done. */
export interface Build<V> {
  passes: readonly Pass[];
  answer(): V;
}

/** Rows done between two looks at the clock (a few ms at most of any pass here). */
const CHUNK = 4096;

/** How long a background slice may run before it gives the thread back (well under the ~50 ms of a long task). */
export const SLICE_MS = 8;

/** A build under way: where it is. */
class Progress<V> {
  private pass = 0;
  private row = 0;

  constructor(private readonly build: Build<V>) {}

  /** Runs passes until `until` (performance.now()) or the end; true when every pass is done. */
  runUntil(until: number): boolean {
    const { passes } = this.build;
    while (this.pass < passes.length) {
      const pass = passes[this.pass]!;
      while (this.row < pass.length) {
        const to = Math.min(this.row + CHUNK, pass.length);
        pass.rows(this.row, to);
        this.row = to;
        if (to < pass.length && performance.now() >= until) return false;
      }
      this.pass++;
      this.row = 0;
    }
    return true;
  }

  answer(): V {
    return this.build.answer();
  }
}

/** A build run to its end at once (an answer not kept per copy, e.g. one of a past day's). */
export function buildNow<V>(build: Build<V>): V {
  const progress = new Progress(build);
  progress.runUntil(Number.POSITIVE_INFINITY);
  return progress.answer();
}

export interface SlicedOncePerCopy<K extends object, V> {
  /** The copy's answer: made when first asked (a build the warm-up started is finished now, not started again), then kept. */
  (key: K): V;
  /** The answer when it was made already, else undefined (nothing is built). */
  made(key: K): V | undefined;
  /** Whether a build of the copy's answer is under way (started in the background, not finished). */
  building(key: K): boolean;
  /**
   * Builds the copy's answer in slices of ≤ SLICE_MS, the thread given back between them (setImmediate), while `wanted()`
   * (a newer copy makes this one's build pointless). Resolves once it is made, abandoned, or failed (never rejects: a
   * build that throws is dropped, and the next call builds again and gets the error itself).
   */
  warm(key: K, wanted: () => boolean): Promise<void>;
  /**
   * Whether a caller that needs one entry of the index (one invoice's, one customer's) should read it by a scan of its own
   * instead, while the copy's answer is not made: right after a sync's answer, before the warm-up has built it, the whole
   * build at once costs 0.3–0.6 s at 100k invoices on the core's thread, a scan for one entry a fraction (BENCHMARKS,
   * session 32). Counted: after TARGETED_CALLS of them the copy's whole answer is built (a copy whose index is never warmed
   * pays a few scans, not one per call).
   */
  targeted(key: K): boolean;
}

/** How many callers of one copy may scan for their entry (`targeted`) before its whole index is built instead. */
export const TARGETED_CALLS = 4;

/** As once-per-copy.ts's oncePerCopy, for an index built in passes (`Build`), which may also be made in the background. */
export function oncePerCopyInSlices<K extends object, V>(build: (key: K) => Build<V>): SlicedOncePerCopy<K, V> {
  const answers = new WeakMap<K, V>();
  const underWay = new WeakMap<K, Progress<V>>();
  const scans = new WeakMap<K, number>();
  const runUntil = (key: K, until: number): boolean => {
    let progress = underWay.get(key);
    if (!progress) underWay.set(key, (progress = new Progress(build(key))));
    let done: boolean;
    try {
      done = progress.runUntil(until);
      if (done) answers.set(key, progress.answer());
    } catch (error) {
      underWay.delete(key);
      throw error;
    }
    if (done) underWay.delete(key);
    return done;
  };
  const once = (key: K): V => {
    if (!answers.has(key)) runUntil(key, Number.POSITIVE_INFINITY);
    return answers.get(key)!;
  };
  const warm = async (key: K, wanted: () => boolean): Promise<void> => {
    try {
      // Each slice in a task of its own, after what was waiting (an IPC message, a timer): the first one too.
      for (let done = false; !done; ) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (answers.has(key) || !wanted()) return;
        done = runUntil(key, performance.now() + SLICE_MS);
      }
    } catch {
      // Dropped (runUntil): the next call builds it again and reports the failure.
    }
  };
  const targeted = (key: K): boolean => {
    if (answers.has(key)) return false;
    const done = scans.get(key) ?? 0;
    if (done >= TARGETED_CALLS) return false;
    scans.set(key, done + 1);
    return true;
  };
  return Object.assign(once, { made: (key: K) => answers.get(key), building: (key: K) => underWay.has(key), warm, targeted });
}
