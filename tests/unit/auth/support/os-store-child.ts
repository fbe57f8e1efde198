// Run in a child process whose OS store the test chose (SSL_CERT_FILE / SSL_CERT_DIR). Nothing is read at start: the app's own
// senders meet the https "Salesforce" at argv[2] — first three at once: the sign-in's code exchange (oauth-client.ts, through
// fetch), a GET of the sync (http-exchange.ts, the keep-alive part agent) and one through fetch (fetch-transport.ts: the
// connection's and the Bulk jobs' requests); then one more GET of the sync. Counts the worker threads that read the OS store
// (each Worker started with code that asks for the 'system' list) and what each read reported. Prints what each got on the
// last line.
import { createRequire, syncBuiltinESMExports } from 'node:module';
import * as tls from 'node:tls';
import type { Worker as NodeWorker } from 'node:worker_threads';
import { EXPIRED_CA, INSPECTING_CA, NOT_YET_VALID_CA, OTHER_CA } from '../../../support/proxy-authorities';

let workers = 0;
const threads = createRequire(import.meta.url)('node:worker_threads') as { Worker: typeof NodeWorker };
threads.Worker = class extends threads.Worker {
  constructor(...args: ConstructorParameters<typeof NodeWorker>) {
    if (String(args[0]).includes("getCACertificates('system')")) workers++;
    super(...args);
  }
};
// The app's modules are loaded after, so their `import { Worker }` is this one.
syncBuiltinESMExports();
const { exchangeCode, createOAuth2 } = await import('../../../../electron/core/auth/oauth-client');
const { sendWithFetch } = await import('../../../../electron/core/salesforce/fetch-transport');
const { exchangeText } = await import('../../../../electron/core/salesforce/http-exchange');
const { defaultHttpLimits } = await import('../../../../electron/core/salesforce/http-limits');
const { reportOsTrustTo } = await import('../../../../electron/core/salesforce/os-certificate-store');
const { toAppError } = await import('../../../../electron/core/salesforce/salesforce-errors');

const base = process.argv[2]!;
const reported: string[] = [];
const record = (level: string) => (message: string, details?: Record<string, unknown>) => reported.push(`${level} ${message} ${JSON.stringify(details)}`);
reportOsTrustTo({ info: record('info'), warn: record('warn'), error: record('error') });

const said = (error: unknown) => {
  const app = toAppError(error);
  return `${app.code}: ${app.message}`;
};
const options = { signal: AbortSignal.timeout(10_000), maxBytes: 1 << 20, tooLarge: () => new Error('too large') };
const headers = { Authorization: 'Bearer 00Dxx!session' };
const query = { method: 'GET' as const, url: `${base}/services/data/v62.0/query?q=x`, headers };
const signIn = () =>
  exchangeCode(createOAuth2({ loginUrl: base, clientId: 'budgetly-demo', redirectUri: 'http://127.0.0.1:1/callback' }, defaultHttpLimits), 'aPrx.code', 'verifier').then(
    (tokens) => `signed in: ${tokens.accessToken}`,
    (error: Error & { code?: string }) => `${error.code}: ${error.message}`,
  );
const sync = () => exchangeText(query, options).then((answer) => answer.text, said);
const viaFetch = () => sendWithFetch(query, AbortSignal.timeout(10_000)).then((answer) => answer.text(), said);

const [first, second, third] = await Promise.all([signIn(), sync(), viaFetch()]);
const after = await sync();
const body = (pem: string) => pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, '');
const trusted = tls.getCACertificates('default').map(body);
const list = {
  size: trusted.length,
  distinct: new Set(trusted).size,
  inspectingCa: trusted.includes(body(INSPECTING_CA)),
  otherCa: trusted.includes(body(OTHER_CA)),
  outOfDateCa: trusted.includes(body(EXPIRED_CA)) || trusted.includes(body(NOT_YET_VALID_CA)),
  everyBundled: tls.getCACertificates('bundled').every((pem) => trusted.includes(body(pem))),
};
console.log(JSON.stringify({ workers, reported, signIn: first, sync: second, fetch: third, after, list }));
