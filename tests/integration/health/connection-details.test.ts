import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection, ConnectionDetails, FreshnessStatus, Result } from '../../../electron/contract';
import { SealedStore } from '../../../electron/core/secrets/sealed-store';
import { HttpLoginAgent, startOrg, type RunningOrg } from '../../org';
import { createTestCore, type TestCore } from '../../support/test-core';
import { ManualClock } from '../../support/test-ports';

/**
 * Connection details over the real core and the local org: who and where, the API version and invoice object in
 * use, the org's API requests used/allowed as its `Sforce-Limit-Info` header states them, the last sync and its
 * duration; "Copy diagnostics" holds none of the sign-in's tokens; and with under 10% of the allowance left,
 * background syncs slow down and say so.
 */
const MINUTE = 60_000;
let org: RunningOrg;
let app: TestCore;
let clock: ManualClock;
let id: string;

const value = async <T>(channel: string, input?: unknown): Promise<T> => {
  const result = (await app.call(channel, input)) as Result<T>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
};
const details = () => value<ConnectionDetails>('connections.details', { id });
const freshness = async () => (await value<FreshnessStatus>('freshness.status')).connections.find((c) => c.connectionId === id)!;

async function connect(options: { requestLimit: number }) {
  org = await startOrg({ invoices: 40, multiCurrency: false, payments: false, requestLimit: options.requestLimit });
  clock = new ManualClock(Date.parse('2026-03-02T09:00:00Z'));
  app = createTestCore({ clock, loginAgent: new HttpLoginAgent(), extraLoginOrigins: [org.url] });
  id = (await value<Connection>('connections.add', { label: 'Acme', loginUrl: org.url, clientId: 'budgetly-demo' })).id;
  await value('connections.connect', { id });
}

afterEach(async () => {
  await app?.dispose();
  await org?.stop();
});

describe('connection details', () => {
  beforeEach(() => connect({ requestLimit: 15_000 }));

  it('show user, org, instance, API version, invoice object and mapping, API requests used/allowed and the last sync', async () => {
    const before = await details();
    expect(before).toMatchObject({ apiVersion: null, invoiceObject: null, apiUsage: null, lastSyncAt: null, lastSyncDurationMs: null });
    await value('invoices.sync', { connectionId: id, mode: 'full' });
    const shown = await details();
    const used = org.control.counters().apiCalls;
    expect(shown).toMatchObject({
      label: 'Acme',
      status: 'connected',
      username: 'demo@budgetly.test',
      orgId: expect.stringMatching(/^00D/),
      instanceUrl: org.url,
      apiVersion: expect.stringMatching(/^\d{2}\.0$/),
      invoiceObject: 'Invoice',
      mapping: expect.objectContaining({ number: 'DocumentNumber', total: 'TotalAmountWithTax' }),
      apiUsage: { used, max: 15_000, low: false, at: new Date(clock.now()).toISOString() },
      lastSyncAt: new Date(clock.now()).toISOString(),
      lastSyncDurationMs: 0, // the ManualClock did not move during the sync
      lastError: null,
      fromPolicy: false,
    });
    expect(shown.diagnostics).toContain('User: demo@budgetly.test');
    expect(shown.diagnostics).toContain(`API requests (24 h): ${used} of 15,000 used`);
    expect(shown.diagnostics).toContain(`Instance: ${org.url}`);
    expect(shown.diagnostics).toContain('Invoice object: Invoice');
    // Written in the language of Settings, numbers in its locale.
    await value('settings.set', { language: 'de' });
    const german = (await details()).diagnostics;
    expect(german).toMatch(/^Budgetly .+ — Verbindungsdiagnose\n/);
    expect(german).toContain('Benutzer: demo@budgetly.test');
    expect(german).toContain(`API-Anfragen (24 h): ${used} von 15.000 verbraucht`);
    expect(german).toContain('Rechnungsobjekt: Invoice');
    await value('settings.set', { language: 'system' });
  });

  it('“Copy diagnostics” holds no part of the access or refresh token', async () => {
    await value('invoices.sync', { connectionId: id, mode: 'full' });
    const sealed = await new SealedStore(app.secretBox, app.store).read(
      `secrets.tokens.${id}`,
      (v): v is { accessToken: string; refreshToken: string } => typeof v === 'object' && v !== null,
    );
    if (sealed.kind !== 'found') throw new Error('no sealed sign-in');
    const { diagnostics } = await details();
    // A Salesforce access token is "<org id>!<secret>": the org id is shown on purpose; the secret never is.
    const tokens = [sealed.value.accessToken.split('!').at(-1)!, sealed.value.refreshToken];
    expect(tokens.every((token) => token.length >= 20)).toBe(true);
    for (const token of tokens) {
      for (let start = 0; start + 8 <= token.length; start++) expect(diagnostics).not.toContain(token.slice(start, start + 8));
    }
  });

  it('an unknown connection is NOT_FOUND', async () => {
    expect((await app.call('connections.details', { id: 'nope' })).error).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('with under 10% of the org’s API requests left', () => {
  beforeEach(() => connect({ requestLimit: 1_000 }));

  it('background syncs wait at least an hour instead of 15 minutes, and the details and status say so', async () => {
    await app.core.start();
    await expect.poll(async () => (await freshness()).nextAttemptAt, { timeout: 30_000, interval: 25 }).not.toBeNull();
    expect(Date.parse((await freshness()).nextAttemptAt!) - clock.now()).toBe(15 * MINUTE);
    expect((await freshness()).slowedForApiLimit).toBeUndefined();

    org.control.setApiUsage(950);
    clock.advance(15 * MINUTE);
    await expect.poll(async () => (await details()).apiUsage?.low, { timeout: 30_000, interval: 25 }).toBe(true);
    await expect.poll(async () => Date.parse((await freshness()).nextAttemptAt ?? '0') - clock.now(), { timeout: 30_000, interval: 25 }).toBe(60 * MINUTE);
    expect(await freshness()).toMatchObject({ slowedForApiLimit: true, failures: 0 });
    const shown = await details();
    expect(shown.apiUsage).toMatchObject({ max: 1_000, low: true });
    expect(shown.apiUsage!.used).toBeGreaterThan(950);
    expect(shown.diagnostics).toContain('fewer than 10% left: background syncs run less often');
  });
});
