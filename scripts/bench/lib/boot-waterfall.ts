import type { Page } from 'playwright-core';
import type { StartupFigures } from '../page/probe-startup';

/**
 * The page's boot until its first rows (ms since navigation): the document and the scripts fetched (resource timing),
 * DOMContentLoaded (the bundle ran), and each bridge call answered before the first row was in the DOM (asked → answered).
 */
export async function bootOf(page: Page, startup: StartupFigures): Promise<string> {
  const resources = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => ({ name: entry.name.split('/').pop() ?? '', end: (entry as PerformanceResourceTiming).responseEnd })),
  );
  const nav = await page.evaluate(() => {
    const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return entry ? { html: entry.responseEnd, dcl: entry.domContentLoadedEventEnd } : null;
  });
  const r = Math.round;
  const scripts = resources.filter((res) => /\.(js|css)$/.test(res.name)).map((res) => `${res.name.replace(/-[\w-]{6,}(?=\.)/, '')} ${r(res.end)}`);
  const calls = startup.bootCalls.map((call) => `${call.channel} ${r(call.startedAt)}→${r(call.startedAt + call.ms)}`);
  return [`html ${nav ? r(nav.html) : '—'}`, ...scripts, `DOMContentLoaded ${nav ? r(nav.dcl) : '—'}`, ...calls].join(', ');
}
