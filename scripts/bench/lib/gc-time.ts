import { PerformanceObserver } from 'node:perf_hooks';

/**
 * Time spent in garbage collection from now until stop() (PerformanceObserver 'gc' entries). The entries arrive after
 * the GC, on a later turn of the event loop: stop() lets one pass first (taken at once, they were always none).
 */
export function gcTime(): { stop(): Promise<number> } {
  let total = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) total += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    async stop() {
      await new Promise((resolve) => setTimeout(resolve, 20));
      for (const entry of observer.takeRecords()) total += entry.duration;
      observer.disconnect();
      return total;
    },
  };
}
