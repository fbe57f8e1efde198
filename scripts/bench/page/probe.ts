import { page } from './dom-lite';
import { armSearch, armShowIn, armSort, scrollThrough, settled } from './probe-interaction';
import { watchBusy } from './probe-busy';
import { installInvokeTimer, startup, watchAllRows, watchFirstRow } from './probe-startup';

/**
 * The bench's page-side probe, bundled and added as an init script before the app loads: times the
 * app's start, keystrokes, sort clicks and scrolling inside the page (performance.now and event
 * timestamps), never through Playwright round trips. Reached as window.__bench.
 */
watchBusy();
installInvokeTimer();
watchFirstRow();
watchAllRows();
page.__bench = { startup, armSearch, armSort, armShowIn, settled, scrollThrough };

export type BenchProbe = {
  startup: typeof startup;
  armSearch: typeof armSearch;
  armSort: typeof armSort;
  armShowIn: typeof armShowIn;
  settled: typeof settled;
  scrollThrough: typeof scrollThrough;
};
