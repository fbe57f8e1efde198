import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { openBenchPage } from '../lib/bench-page';
import { scrollThrough, someCustomers, sortEachColumn, typeAndClear, visibleColumns, waitForRows } from '../lib/ui-actions';
import { runWorker, workerInput } from '../lib/worker-io';

/**
 * One app start in Chromium from the prepared offline copy (a fresh core and a fresh browser: a cold
 * start), then, on the same page: search keystrokes, sort clicks and a scroll through every row.
 */
interface Input {
  preparedDir: string;
  keyHex: string;
  orgUrl: string;
  /** Search texts typed and deleted again (each key is one sample); customer names from the screen when empty. */
  searches: number;
  /** Scroll step per frame and a cap on frames. */
  scrollStepPx: number;
  scrollMaxFrames: number;
  only?: 'cold-start';
}

const input = workerInput<Input>();

runWorker(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'budgetly-bench-ui-'));
  cpSync(input.preparedDir, dataDir, { recursive: true });
  // Baseline: reading the offline copy's file, nothing else.
  const cacheDir = join(dataDir, 'invoices');
  const cacheFile = join(cacheDir, readdirSync(cacheDir).find((name) => name.endsWith('.cache'))!);
  const readStarted = performance.now();
  const bytes = await readFile(cacheFile);
  const readFileMs = performance.now() - readStarted;
  const app = await openBenchPage({ dataDir, keyHex: input.keyHex, orgUrl: input.orgUrl });
  try {
    const startup = await waitForRows(app.page);
    const listCore = app.coreCalls.find((call) => call.channel === 'invoices.list');
    const listPage = startup.listCalls[0];
    const answer = app.listAnswers[0];
    const cloneStarted = performance.now();
    deserialize(serialize(answer));
    const structuredCloneMs = performance.now() - cloneStarted;
    const result: Record<string, unknown> = {
      coldStartMs: startup.firstRowFrameAt,
      firstRowInDomMs: startup.firstRowAt,
      readFileMs,
      cacheBytes: bytes.length,
      listCoreMs: listCore?.ms ?? null,
      listPageMs: listPage?.ms ?? null,
      listTransferMs: listPage && listCore ? listPage.ms - listCore.ms : null,
      listJsonChars: listPage?.chars ?? null,
      /** Navigation → invoices.list asked (the app's boot), and list answered → first row in the DOM (renderer work). */
      listAskedAtMs: listPage?.startedAt ?? null,
      renderAfterListMs: listPage && startup.firstRowAt !== null ? startup.firstRowAt - (listPage.startedAt + listPage.ms) : null,
      structuredCloneMs,
      rows: listPage?.rows ?? null,
    };
    if (input.only === 'cold-start') return result;
    const names = await someCustomers(app.page, input.searches);
    const search = [];
    for (const name of names) search.push(...(await typeAndClear(app.page, name.slice(0, 6).toLowerCase())));
    const sort = await sortEachColumn(app.page, await visibleColumns(app.page));
    const scroll = await scrollThrough(app.page, input.scrollStepPx, input.scrollMaxFrames);
    return { ...result, search, sort, scroll };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
