/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The script drives a browser: page functions it passes to Playwright use DOM types, and the
// harness page globals declared in harness-bridge.ts; the type-only import below brings those in.)
// `npm run demo:headless -- --out <dir> [org flags]`: the real app (renderer + contract + core) in
// headless Chromium against the local org, driven through connect → sync → workspace → a filter →
// the detail panel → its invoice PDF → its customer → their statement. Writes a PNG per step, invoice.pdf, statement.pdf and summary.json to <dir>; the app's data
// lives in <dir>/data.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  connectDemo,
  connectionStatus,
  launchChromium,
  PlaywrightLoginAgent,
  readCorporate,
  readSummary,
  setAsOf,
  showInCorporate,
  startHarness,
  startOrg,
  visibleCount,
  waitForSynced,
  type InvoiceObjectName,
  type OrgOptions,
} from '../tests/index';
import { demoInvoicePdf } from './demo/invoice-pdf';
import { orgCount, readAllConnections, showAllConnections, startMoreOrgs } from './demo/all-connections';
import { demoStatementPdf } from './demo/statement-pdf';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    seed: { type: 'string' },
    invoices: { type: 'string' },
    objects: { type: 'string' },
    'multi-currency': { type: 'boolean' },
    'corporate-currency': { type: 'string' },
    'dated-rates': { type: 'boolean' },
    'show-in': { type: 'string' },
    basis: { type: 'string' },
    'as-of': { type: 'string' },
    'batch-size': { type: 'string' },
    'session-ttl': { type: 'string' },
    'rotate-refresh': { type: 'boolean' },
    latency: { type: 'string' },
    'request-limit': { type: 'string' },
    theme: { type: 'string' },
    orgs: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
});

if (values.help || !values.out) {
  console.log(`usage: npm run demo:headless -- --out <dir> [--invoices 2500] [--seed 42] [--multi-currency]
  [--objects Invoice,blng__Invoice__c,Invoice__c] [--batch-size 2000] [--session-ttl 7200] [--rotate-refresh]
  [--latency MS] [--request-limit 15000] [--theme light|dark]
  [--orgs N]   N local orgs with the same flags (the n-th on seed + n − 1), all connected: "All connections"
  [--corporate-currency USD] [--dated-rates] [--show-in own|corporate] [--basis invoice-date|as-of]
  [--as-of YYYY-MM-DD]   aging and receivables as of that day: invoices dated later left out, balances, payments and applications as of then
Needs the built renderer (npx electron-vite build) and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).`);
  process.exit(values.help ? 0 : 2);
}

const showIn = values['show-in'] ?? 'own';
const basis = values.basis ?? 'invoice-date';
if (!['own', 'corporate'].includes(showIn) || !['invoice-date', 'as-of'].includes(basis)) {
  console.error(`--show-in must be own or corporate (got ${showIn}), --basis invoice-date or as-of (got ${basis})`);
  process.exit(2);
}
if (showIn === 'corporate' && !values['multi-currency']) {
  console.error('--show-in corporate needs a multi-currency org: add --multi-currency (and --dated-rates for dated rates)');
  process.exit(2);
}

/** --as-of: a real calendar day, YYYY-MM-DD (2026-02-30 is refused, not rolled over). */
const asOfArg = values['as-of'];
if (asOfArg !== undefined) {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(asOfArg) ? new Date(`${asOfArg}T00:00:00Z`) : null;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== asOfArg) {
    console.error(`--as-of must be a calendar day written YYYY-MM-DD (got ${asOfArg})`);
    process.exit(2);
  }
}

const orgsArg = orgCount(values.orgs);
if (orgsArg === null) {
  console.error(`--orgs must be a whole number from 1 to 20 (got ${values.orgs})`);
  process.exit(2);
}
const orgs: number = orgsArg;

const int = (v: string | undefined) => (v === undefined ? undefined : Number.parseInt(v, 10));
const orgOptions: OrgOptions = {
  seed: int(values.seed),
  invoices: int(values.invoices),
  objects: values.objects?.split(',').map((s) => s.trim()).filter(Boolean) as InvoiceObjectName[] | undefined,
  multiCurrency: values['multi-currency'],
  corporateCurrency: values['corporate-currency'],
  datedRates: values['dated-rates'],
  batchSize: int(values['batch-size']),
  sessionTtl: int(values['session-ttl']),
  rotateRefresh: values['rotate-refresh'],
  latency: int(values.latency),
  requestLimit: int(values['request-limit']),
};

const out = resolve(values.out);
const dataDir = join(out, 'data');
// Each run starts as a first run: the app's data folder of the previous run is replaced.
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });

const steps: { name: string; ms: number; screenshot: string }[] = [];

/**
 * `receivables` of summary.json: one entry per currency, { currency, paymentsApplied, creditsApplied, unappliedCash,
 * averageDaysToPay } by issue 13's definitions exactly, then the accountant's figures the app shows beside them,
 * { unappliedCashReceivedLessRefunds, averageDaysToPayExcludingCancelled } (plus `overApplied` / `overRefunded` — payments received
 * applied or refunded beyond their amount — and `refundsUnread` — refund lines unreadable, the received cash before refunds — when
 * they apply), as `invoices.receivablesSummary` computes them (definitions in electron/contract/receivables.ts),
 * as of --as-of when given (later invoices, payments and applications not yet there, as the workspace's as-of view).
 * An org without payment objects, or one whose payment or credit objects cannot all be read, gives an empty list.
 */
async function receivablesSummary(call: (channel: string, input?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>, asOf: string | undefined): Promise<unknown> {
  const connections = await call('connections.list');
  const connectionId = (connections.value as { id: string }[])[0]!.id;
  const answer = await call('invoices.receivablesSummary', { connectionId, ...(asOf === undefined ? {} : { asOf }) });
  if (!answer.ok) throw new Error(`invoices.receivablesSummary failed: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

async function main(): Promise<void> {
  const org = await startOrg(orgOptions);
  const moreOrgs = await startMoreOrgs(orgOptions, orgs);
  const browser = await launchChromium();
  let agent: PlaywrightLoginAgent | undefined;
  const harness = await startHarness({
    browser,
    dataDir,
    demo: { label: 'Demo org', loginUrl: org.url, clientId: 'budgetly-demo' },
    extraLoginOrigins: [org.url, ...moreOrgs.map((more) => more.url)],
    loginAgent: () => (agent = new PlaywrightLoginAgent(browser)),
    colorScheme: values.theme === 'dark' ? 'dark' : 'light',
  });
  const { page } = harness;
  const step = async (name: string, action: () => Promise<void>) => {
    const started = Date.now();
    await action();
    const ms = Date.now() - started;
    const screenshot = join(out, `${String(steps.length + 1).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: screenshot });
    steps.push({ name, ms, screenshot });
    console.log(`${name}: ${ms} ms → ${screenshot}`);
  };
  try {
    await step('first-run', async () => {
      await page.getByTestId('connect-demo').waitFor();
    });
    await step('connect', async () => {
      await connectDemo(page, agent!);
      await page.getByTestId('connection-status').waitFor();
    });
    await step('sync', async () => {
      await waitForSynced(page, undefined, 300_000);
    });
    // The aging as of --as-of (else today): invoices dated later are left out, balances as of then where the
    // payment applications are synced, else those of the last sync (balancesFrom says which).
    let balancesFrom: 'salesforceToday' | 'applications' | 'lastSync' = 'salesforceToday';
    if (asOfArg !== undefined) {
      await step('as-of', async () => {
        balancesFrom = await setAsOf(page, asOfArg);
      });
    }
    const asOf = (await page.getByTestId('as-of').getAttribute('data-value'))!;
    const total = await visibleCount(page);
    const workspaceSummary = await readSummary(page);
    const later = page.getByTestId('as-of-later');
    const datedAfter = (await later.count()) > 0 ? Number(await later.getAttribute('data-count')) : 0;
    // Issue 13's collection figures per currency, over every invoice shown (no filter yet), from the app's offline copy.
    const receivables = await receivablesSummary(harness.testCore.call, asOfArg);
    // Issue 14: everything shown in the corporate currency at the basis asked for (amounts over every invoice shown, aging by balance).
    let corporate: unknown;
    if (showIn === 'corporate') {
      await step('corporate-currency', async () => {
        await showInCorporate(page, basis === 'as-of' ? 'asOf' : 'invoiceDate');
      });
      const shown = await readCorporate(page);
      corporate = { currency: shown.currency, basis, asOf, total: shown.total, balance: shown.balance, missingRate: shown.missingRate, aging: shown.aging };
    }
    await step('workspace', async () => {
      await page.getByTestId('invoice-grid').focus();
    });
    await step('filter-overdue-90-plus', async () => {
      const card = page.getByTestId('currency-card').first();
      await card.locator('[data-bucket="90+"]').click();
      await page.getByTestId('filter-chips').waitFor();
    });
    const filtered = { visible: await visibleCount(page), summary: await readSummary(page) };
    await step('detail', async () => {
      await page.getByTestId('invoice-grid').press('Enter');
      await page.getByTestId('detail-panel').getByRole('heading', { name: /^Invoice / }).waitFor();
      await page.getByTestId('detail-fields').waitFor();
    });
    // Issue 15: the open invoice's PDF in the viewer (screenshots), saved as invoice.pdf.
    const invoicePdf = await demoInvoicePdf(page, harness.testCore.saveDialog, out, step, values.theme === 'dark' ? 'dark' : 'light');
    // Issue 13: the open invoice's customer — their balances and aging, invoices, payments with unapplied cash, credit notes not yet applied.
    await step('customer', async () => {
      await page.getByTestId('detail-customer').click();
      await page.getByTestId('customer-view').getByTestId('customer-card').first().waitFor();
      await page.getByTestId('customer-view').locator('[aria-busy="true"]').waitFor({ state: 'detached' });
    });
    // Issue 15: that customer's statement of account as of the aging date (dialog screenshot), saved as statement.pdf.
    const statementPdf = await demoStatementPdf(page, harness.testCore.saveDialog, out, step);
    await page.getByTestId('customer-view').press('Escape');
    // Issue 13: the detail panel's timeline — the invoice opened above is the first of the filter, often one nothing was applied
    // to yet; the first one shown with money applied (its balance below its total) shows the timeline and the arithmetic.
    const applied = await page.evaluate(() =>
      [...document.querySelectorAll('.grid-body [role="row"]')]
        .find((row) => row.querySelector('[data-column="total"]')?.textContent !== row.querySelector('[data-column="balance"]')?.textContent)
        ?.getAttribute('data-invoice-id') ?? null,
    );
    if (applied) {
      await step('detail-timeline', async () => {
        await page.locator(`.grid-body [role="row"][data-invoice-id="${applied}"]`).click();
        await page.getByTestId('invoice-grid').press('Enter');
        await page.getByTestId('detail-panel').getByTestId('receivables-entry').first().waitFor();
      });
    }
    const status = await connectionStatus(page);
    // Issue 21: the other orgs connected too, every org's invoices in one view.
    let allConnections: unknown;
    if (orgs > 1) {
      await step('all-connections', () => showAllConnections({ page, testCore: harness.testCore, agent: agent!, more: moreOrgs }));
      allConnections = await readAllConnections(page, orgs, orgOptions.seed ?? 42);
    }
    const summary = {
      org: { url: org.url, options: orgOptions },
      connectionStatus: status,
      invoicesShown: total,
      // Receivables: posted invoices (drafts too when Settings includes them); the figures below count only these.
      asOf,
      balancesFrom,
      invoicesDatedAfterAsOf: datedAfter,
      excluded: workspaceSummary.map(({ currency, excluded }) => ({ currency, ...excluded })),
      perCurrency: workspaceSummary.map(({ currency, count, total: sum, balance }) => ({ currency, count, total: sum, balance })),
      aging: workspaceSummary.map(({ currency, aging }) => ({ currency, buckets: aging })),
      receivables,
      ...(corporate ? { corporate } : {}),
      invoicePdf,
      ...(allConnections ? { allConnections } : {}),
      statementPdf,
      filter: { description: 'Aging 90+ days past due, first currency', invoicesShown: filtered.visible, perCurrency: filtered.summary.map(({ currency, count, total: sum, balance }) => ({ currency, count, total: sum, balance })) },
      steps: steps.map(({ name, ms, screenshot }) => ({ name, ms, screenshot })),
      dataDir,
    };
    writeFileSync(join(out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    console.log(`summary: ${join(out, 'summary.json')}`);
  } finally {
    await harness.close();
    await agent?.dispose();
    await browser.close();
    await org.stop();
    for (const more of moreOrgs) await more.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
