// `npm run demo:headless -- --out <dir> [org flags]`: the real app (renderer + contract + core) in headless Chromium
// against the local org (scripts/demo/run-demo.ts): this file reads and checks the flags, then runs it.
import { parseArgs } from 'node:util';
import type { InvoiceObjectName, OrgOptions } from '../tests/index';
import { orgCount } from './demo/all-connections';
import { runDemo } from './demo/run-demo';

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

runDemo({
  out: values.out,
  orgOptions,
  orgs,
  showIn: showIn as 'own' | 'corporate',
  basis: basis as 'invoice-date' | 'as-of',
  asOf: asOfArg,
  theme: values.theme === 'dark' ? 'dark' : 'light',
}).catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
