import { readdirSync, readFileSync } from 'node:fs';

/**
 * The CPU time a process has used so far, every thread, in ms at the scheduler's nanosecond resolution (each task's
 * /proc/<pid>/task/<tid>/schedstat: time on a CPU) — for windows of tens of ms, where /proc/<pid>/stat's 10-ms ticks are too
 * coarse. NaN without a pid or once the process is gone. A thread that ends inside a window lowers the window's figure by its
 * whole CPU until then (counted before, not after; the org's threads live as long as it does).
 */
export function processCpuReader(pid: number | undefined): () => number {
  return () => {
    if (pid === undefined) return Number.NaN;
    try {
      let ns = 0;
      for (const task of readdirSync(`/proc/${pid}/task`)) {
        try {
          ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
        } catch {
          // The thread ended between the listing and the read.
        }
      }
      return ns / 1e6;
    } catch {
      return Number.NaN;
    }
  };
}
