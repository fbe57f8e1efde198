// Run in a child process whose OS store the test chose (SSL_CERT_FILE: the loopback certificate of the TLS front): the local
// org behind a TLS front whose certificate Node's list refuses, the invoices module on it through the app's own transport
// (fetch-transport.ts, http-exchange.ts: each request wrapped in withOsTrustOnRefusal). Syncs twice and prints the phases each
// sync reported and what was logged of the store's read, on the last line.
import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { createConnection } from '../../../../electron/core/salesforce/jsforce-adapter';
import { defaultHttpLimits, limitedTransport } from '../../../../electron/core/salesforce/http-limits';
import { reportOsTrustTo } from '../../../../electron/core/salesforce/os-certificate-store';
import { startOrg } from '../../../org';
import { CERT, KEY } from '../../../support/loopback-certificate';
import { CONNECTION_ID, startHarness } from './invoice-harness';
import { loginToOrg } from './org-login';

const logged: string[] = [];
reportOsTrustTo({ info: (message) => logged.push(message), warn: (message) => logged.push(message), error: (message) => logged.push(message) });

const org = await startOrg({ invoices: 40, payments: false });
const orgPort = Number(new URL(org.url).port);
// "Salesforce" as a TLS-inspecting proxy shows it: the same org, behind a certificate only the OS store trusts.
const front = createServer({ key: KEY, cert: CERT }, (socket) => {
  const upstream = connect(orgPort, '127.0.0.1');
  socket.pipe(upstream).pipe(socket);
  socket.on('error', () => upstream.destroy());
  upstream.on('error', () => socket.destroy());
});
await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
const instanceUrl = `https://127.0.0.1:${(front.address() as AddressInfo).port}`;

const dir = mkdtempSync(join(tmpdir(), 'budgetly-certificate-check-'));
const tokens = { ...(await loginToOrg(org)), instanceUrl };
const harness = await startHarness(org, dir, { tokens });
// The app's session: jsforce on Budgetly's own transport (session-manager.ts), not jsforce's.
harness.sessions.open = async (_connectionId: string, apiVersion: string) =>
  createConnection({ instanceUrl, accessToken: tokens.accessToken, version: apiVersion }, limitedTransport(defaultHttpLimits)) as never;

const syncOnce = async () => {
  const from = harness.events.emitted.length;
  const answer = await harness.call('invoices.sync', { connectionId: CONNECTION_ID, mode: 'full' });
  await harness.module.idle();
  const phases = harness.events.emitted
    .slice(from)
    .filter((entry) => entry.event === 'invoices.syncProgress')
    .map((entry) => (entry.payload as { phase: string }).phase)
    // One line per change of phase (a page's progress repeats 'fetching').
    .filter((phase, index, all) => index === 0 || all[index - 1] !== phase);
  return { ok: answer.ok, error: answer.error?.message ?? null, phases };
};
const first = await syncOnce();
const second = await syncOnce();
await harness.dispose();
front.close();
await org.stop();
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ first, second, logged }));
