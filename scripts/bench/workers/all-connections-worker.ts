import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InvoiceList } from '../../../electron/contract';
import { kindOfStatus } from '../../../electron/contract/invoice-status';
import { createBenchCore, connectBenchCore } from '../lib/bench-core';
import { openBenchPage, type CoreCall } from '../lib/bench-page';
import { bootOf } from '../lib/boot-waterfall';
import type { StartupFigures } from '../page/probe-startup';
import { someCustomers, typeAndClear, waitForAllRows, waitForRows } from '../lib/ui-actions';
import { runWorker, workerInput } from '../lib/worker-io';

/**
 * "All connections" (#21): a data folder with every org connected and fully synced (not measured), then a cold
 * start of the app straight into All connections (the remembered choice) in a fresh core and browser: navigation →
 * the first rows painted, → every org's rows loaded; search keystrokes over the combined rows; and the cards'
 * totals against sums made here from each org's own offline copy (invoices.list, in cents: exact).
 */
interface Input {
  orgUrls: string[];
  keyHex: string;
  searches: number;
}

type Sums = Map<string, { count: number; total: number; balance: number }>;

/** Receivables per currency (posted invoices; drafts and cancelled left out, as the app's default) in cents. */
function sumsOf(lists: readonly InvoiceList[]): Sums {
  const sums: Sums = new Map();
  for (const list of lists) {
    for (const row of list.invoices) {
      if (kindOfStatus(list.statusKinds, row.status) !== 'posted') continue;
      const entry = sums.get(row.currency) ?? { count: 0, total: 0, balance: 0 };
      entry.count += 1;
      entry.total += Math.round((row.total ?? 0) * 100);
      entry.balance += Math.round((row.balance ?? 0) * 100);
      sums.set(row.currency, entry);
    }
  }
  return sums;
}

/**
 * Where the start's time went (page clock, ms since navigation): when the first invoices.list was asked (the page's
 * boot), when each org's first window was answered and how long the core took for it (a start-up load it waited for
 * included), when the first row was in the DOM, and when each org's last window was answered.
 */
function startPhases(figures: StartupFigures, coreCalls: readonly CoreCall[]) {
  const firstAsked = Math.min(...figures.listCalls.map((call) => call.startedAt));
  const lists = coreCalls.filter((call) => call.channel === 'invoices.list');
  const orgs = [...new Set(figures.listCalls.map((call) => call.connectionId))].map((connectionId) => {
    const calls = figures.listCalls.filter((call) => call.connectionId === connectionId);
    const first = calls.find((call) => call.offset === 0)!;
    const core = lists.find((call) => call.connectionId === connectionId && call.offset === 0);
    const last = calls.reduce((a, b) => (b.startedAt + b.ms > a.startedAt + a.ms ? b : a));
    return { firstAnsweredAt: first.startedAt + first.ms, firstCoreMs: core?.ms ?? null, lastAnsweredAt: last.startedAt + last.ms };
  });
  return { firstAskedAt: firstAsked, firstRowInDomAt: figures.firstRowAt, orgs };
}

const input = workerInput<Input>();

runWorker(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'budgetly-bench-all-'));
  const [orgUrl, ...moreOrgUrls] = input.orgUrls as [string, ...string[]];
  try {
    const prepare = createBenchCore({ dataDir, keyHex: input.keyHex, orgUrl, moreOrgUrls });
    const lists: InvoiceList[] = [];
    for (const url of input.orgUrls) {
      const connectionId = await connectBenchCore(prepare, url);
      await prepare.call('invoices.sync', { connectionId, mode: 'full' });
      lists.push(await prepare.call<InvoiceList>('invoices.list', { connectionId }));
    }
    await prepare.core.dispose();
    const expected = sumsOf(lists);
    const rows = lists.reduce((n, list) => n + list.invoices.length, 0);

    const app = await openBenchPage({ dataDir, keyHex: input.keyHex, orgUrl, moreOrgUrls, activeConnection: 'all' });
    try {
      const startup = await waitForRows(app.page);
      const loaded = await waitForAllRows(app.page, 300_000);
      const shown = await app.page.$$eval('[data-testid="currency-card"]', (cards) =>
        cards.map((card) => ({
          currency: card.getAttribute('data-currency') ?? '',
          count: Number(card.querySelector('[data-testid="currency-count"]')?.getAttribute('data-value')),
          total: Number(card.querySelector('[data-testid="currency-total"]')?.getAttribute('data-amount')),
          balance: Number(card.querySelector('[data-testid="currency-balance"]')?.getAttribute('data-amount')),
        })),
      );
      const mismatches = shown.filter((card) => {
        const want = expected.get(card.currency);
        return !want || want.count !== card.count || want.total !== Math.round(card.total * 100) || want.balance !== Math.round(card.balance * 100);
      }).length + [...expected.keys()].filter((currency) => !shown.some((card) => card.currency === currency)).length;
      const search = [];
      for (const name of await someCustomers(app.page, input.searches)) search.push(...(await typeAndClear(app.page, name.slice(0, 6).toLowerCase())));
      return { coldStartMs: startup.firstRowFrameAt, allRowsMs: loaded.allRowsAt, rows, currencies: shown.length, mismatches, search, phases: startPhases(loaded, app.coreCalls), boot: await bootOf(app.page, startup) };
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
