// `npm run org -- [flags]`: the local Salesforce-compatible org on 127.0.0.1 (see tests/org/README.md).
import { parseArgs } from 'node:util';
import { startOrg, type InvoiceObjectName, type OrgOptions } from '../tests/index.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    seed: { type: 'string' },
    invoices: { type: 'string' },
    objects: { type: 'string' },
    'multi-currency': { type: 'boolean' },
    'corporate-currency': { type: 'string' },
    'dated-rates': { type: 'boolean' },
    'batch-size': { type: 'string' },
    'client-id': { type: 'string' },
    'redirect-uri': { type: 'string', multiple: true },
    username: { type: 'string' },
    password: { type: 'string' },
    'session-ttl': { type: 'string' },
    'rotate-refresh': { type: 'boolean' },
    'refresh-ttl': { type: 'string' },
    latency: { type: 'string' },
    'request-limit': { type: 'string' },
    payments: { type: 'boolean' },
    'unapplied-share': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
  allowNegative: true,
});

if (values.help) {
  console.log(`usage: npm run org -- [--port 0] [--seed 42] [--invoices 2500]
  [--objects Invoice,blng__Invoice__c,Invoice__c] [--multi-currency [--corporate-currency USD] [--dated-rates]] [--batch-size 2000]
  [--client-id budgetly-demo] [--redirect-uri URI]... [--username U] [--password P]
  [--session-ttl 7200] [--rotate-refresh] [--refresh-ttl SECONDS] [--latency MS] [--request-limit 15000]
  [--payments | --no-payments] [--unapplied-share 0.1]`);
  process.exit(0);
}

function int(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a non-negative integer, got ${v}`);
    process.exit(2);
  }
  return n;
}

function share(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 1) {
    console.error(`--unapplied-share must be a number from 0 to 1, got ${v}`);
    process.exit(2);
  }
  return n;
}

const options: OrgOptions = {
  port: int('port', values.port),
  seed: int('seed', values.seed),
  invoices: int('invoices', values.invoices),
  objects: values.objects?.split(',').map((s) => s.trim()).filter(Boolean) as InvoiceObjectName[] | undefined,
  multiCurrency: values['multi-currency'],
  corporateCurrency: values['corporate-currency'],
  datedRates: values['dated-rates'],
  batchSize: int('batch-size', values['batch-size']),
  clientId: values['client-id'],
  redirectUris: values['redirect-uri'],
  username: values.username,
  password: values.password,
  sessionTtl: int('session-ttl', values['session-ttl']),
  rotateRefresh: values['rotate-refresh'],
  refreshTtl: int('refresh-ttl', values['refresh-ttl']),
  latency: int('latency', values.latency),
  requestLimit: int('request-limit', values['request-limit']),
  payments: values.payments,
  unappliedShare: share(values['unapplied-share']),
};

const started = Date.now();
const org = await startOrg(options).catch((e: Error) => {
  console.error(`org failed to start: ${e.message}`);
  process.exit(1);
});
process.stdout.write(`ready ${org.url}\n`);
const objects = options.objects?.length ? options.objects : ['Invoice'];
console.log(`  login:       ${org.url}  (username ${options.username ?? 'demo@budgetly.test'}, password ${options.password ?? 'budgetly'})`);
console.log(`  client id:   ${options.clientId ?? 'budgetly-demo'}  redirect: ${(options.redirectUris ?? ['http://localhost:1717/OauthRedirect']).join(', ')}`);
console.log(`  objects:     ${objects.join(', ')}${options.multiCurrency ? ` (multi-currency, corporate ${options.corporateCurrency?.toUpperCase() ?? 'USD'}${options.datedRates ? ', dated rates' : ''})` : ''}`);
console.log(`  invoices:    ${options.invoices ?? 2500} per object, seed ${options.seed ?? 42}  (started in ${Date.now() - started} ms)`);
console.log(`  org id:      ${org.orgId}  user id: ${org.userId}`);
console.log('  Ctrl+C to stop.');

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  org.stop().then(() => {
    console.log(`org stopped (${signal})`);
    process.exit(0);
  });
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
