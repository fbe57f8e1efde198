// Run in a child process whose OS store the test chose (SSL_CERT_FILE / SSL_CERT_DIR: Node reads them once, at the first look):
// `trust` runs the main process's start-up step (os-certificate-store.ts) first, `plain` does not. Then, against the https
// "Salesforce" at argv[3]: the sign-in's code exchange (oauth-client.ts), a GET of the sync (http-exchange.ts) and one through
// fetch (fetch-transport.ts: the connection's and the Bulk jobs' requests). Prints what each got on the last line.
import * as tls from 'node:tls';
import { exchangeCode, createOAuth2 } from '../../../../electron/core/auth/oauth-client';
import { sendWithFetch } from '../../../../electron/core/salesforce/fetch-transport';
import { exchangeText } from '../../../../electron/core/salesforce/http-exchange';
import { defaultHttpLimits } from '../../../../electron/core/salesforce/http-limits';
import { trustOsCertificateStore } from '../../../../electron/core/salesforce/os-certificate-store';
import { toAppError } from '../../../../electron/core/salesforce/salesforce-errors';
import { INSPECTING_CA, OTHER_CA } from '../../../support/proxy-authorities';

const [mode, base] = [process.argv[2], process.argv[3]!];
const logged: string[] = [];
const logger = { info: (m: string) => logged.push(m), warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m) };
const trust = mode === 'trust' ? trustOsCertificateStore(tls, logger) : null;

const said = (error: unknown) => {
  const app = toAppError(error);
  return `${app.code}: ${app.message}`;
};
const options = { signal: AbortSignal.timeout(10_000), maxBytes: 1 << 20, tooLarge: () => new Error('too large') };
const headers = { Authorization: 'Bearer 00Dxx!session' };
const signIn = await exchangeCode(createOAuth2({ loginUrl: base, clientId: 'budgetly-demo', redirectUri: 'http://127.0.0.1:1/callback' }, defaultHttpLimits), 'aPrx.code', 'verifier').then(
  (tokens) => `signed in: ${tokens.accessToken}`,
  (error: Error & { code?: string }) => `${error.code}: ${error.message}`,
);
const sync = await exchangeText({ method: 'GET', url: `${base}/services/data/v62.0/query?q=x`, headers }, options).then((answer) => answer.text, said);
const viaFetch = await sendWithFetch({ method: 'GET', url: `${base}/services/data/v62.0/query?q=x`, headers }, AbortSignal.timeout(10_000)).then((answer) => answer.text(), said);
const body = (pem: string) => pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, '');
const trusted = tls.getCACertificates('default').map(body);
const list = {
  size: trusted.length,
  distinct: new Set(trusted).size,
  inspectingCa: trusted.includes(body(INSPECTING_CA)),
  otherCa: trusted.includes(body(OTHER_CA)),
  everyBundled: tls.getCACertificates('bundled').every((pem) => trusted.includes(body(pem))),
};
console.log(JSON.stringify({ trust, logged, signIn, sync, fetch: viaFetch, list }));
