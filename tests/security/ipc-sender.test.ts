import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, channels, type ChannelInput, type ChannelName } from '../../electron/contract';
import { createTestCore, TEST_RENDERER_URL, type TestCore } from '../support/test-core';
import { observableState } from './support/core-state';
import { plainViewState } from '../support/view-state';

/**
 * Calls that do not come from the app's own renderer frame are refused with FORBIDDEN before
 * their input is even read, for every channel, with inputs that would otherwise be accepted.
 * (In Electron the sender is `event.senderFrame.url`; in the harness it is Playwright's frame URL.)
 */

/** One valid input per channel; TypeScript makes this list complete when a channel is added. */
const validInputs: { [C in ChannelName]: ChannelInput<C> } = {
  'app.info': undefined,
  'app.networkChanged': { online: true },
  'freshness.status': undefined,
  'updates.status': undefined,
  'updates.check': undefined,
  'updates.download': undefined,
  'updates.restart': undefined,
  'updates.openDownloadPage': undefined,
  'settings.get': undefined,
  'settings.set': { theme: 'light' },
  'policy.status': undefined,
  'connections.list': undefined,
  'connections.add': { label: 'Evil', loginUrl: 'https://login.salesforce.com', clientId: 'evil-client' },
  'connections.update': { id: 'CONNECTION', label: 'Renamed by an attacker' },
  'connections.connect': { id: 'CONNECTION' },
  'connections.cancelLogin': { id: 'CONNECTION' },
  'connections.disconnect': { id: 'CONNECTION' },
  'connections.remove': { id: 'CONNECTION' },
  'connections.details': { id: 'CONNECTION' },
  'provisioning.pending': undefined,
  'provisioning.accept': { id: 'OFFER' },
  'provisioning.dismiss': { id: 'OFFER' },
  'invoices.objects': { connectionId: 'CONNECTION' },
  'invoices.mapping.get': { connectionId: 'CONNECTION' },
  'invoices.mapping.set': { connectionId: 'CONNECTION', object: 'Invoice' },
  'invoices.sync': { connectionId: 'CONNECTION' },
  'invoices.cancelSync': { connectionId: 'CONNECTION' },
  'invoices.list': { connectionId: 'CONNECTION' },
  'invoices.listColumns': { connectionId: 'CONNECTION' },
  'invoices.get': { connectionId: 'CONNECTION', id: 'a0G000000000001AAA' },
  'invoices.document': { connectionId: 'CONNECTION', id: 'a0G000000000001AAA' },
  'invoices.saveDocument': { connectionId: 'CONNECTION', id: 'a0G000000000001AAA' },
  'invoices.cancelPrefetch': { connectionId: 'CONNECTION' },
  'invoices.openInSalesforce': { connectionId: 'CONNECTION', id: 'a0G000000000001AAA' },
  'invoices.receivables': { connectionId: 'CONNECTION', id: 'a0G000000000001AAA' },
  'invoices.receivablesSummary': { connectionId: 'CONNECTION' },
  'invoices.customer': { connectionId: 'CONNECTION', customer: 'Acme' },
  'invoices.rates': { connectionId: 'CONNECTION' },
  'invoices.changeLog': { connectionId: 'CONNECTION' },
  'invoices.balancesAsOf': { connectionId: 'CONNECTION', asOf: '2026-01-31' },
  'invoices.export': { connectionId: 'CONNECTION', format: 'csv', columns: ['number'], ids: [], asOf: '2026-01-31' },
  'invoices.openExport': { path: '/home/user/invoices.xlsx', how: 'open' },
  'statements.save': { connectionId: 'c1', customer: 'Acme', asOf: '2026-11-30', how: 'save' },
  'statements.saveMany': { connectionId: 'c1', customers: ['Acme'], asOf: '2026-11-30' },
  'statements.cancel': undefined,
  'views.list': { connectionId: 'CONNECTION' },
  'views.save': { connectionId: 'CONNECTION', name: 'Planted by an attacker', state: plainViewState },
  'views.update': { connectionId: 'CONNECTION', id: 'VIEW', name: 'Renamed by an attacker' },
  'views.delete': { connectionId: 'CONNECTION', id: 'VIEW' },
  'views.export': { connectionId: 'CONNECTION' },
  'views.import': { connectionId: 'CONNECTION' },
};

const untrustedFrames = [
  undefined,
  '',
  'about:blank',
  'about:srcdoc',
  'data:text/html,<script>1</script>',
  'file:///tmp/index.html',
  'http://127.0.0.1:2/index.html', // same host, other port
  'https://127.0.0.1:1/index.html', // other scheme
  'http://localhost:1/index.html', // same machine, other host name
  'http://127.0.0.1.evil.test:1/index.html',
  'http://evil.test/?http://127.0.0.1:1/index.html',
  'https://login.salesforce.com/', // the login window
  'app://budgetly/index.html', // the packaged app's origin is not this core's renderer
  'blob:http://evil.test/1',
  'not a url',
];

let testCore: TestCore;
let connectionId: string;
let before: string;

const withConnection = (input: unknown): unknown => JSON.parse(JSON.stringify(input ?? null).replaceAll('CONNECTION', connectionId)) ?? undefined;

beforeAll(async () => {
  testCore = createTestCore();
  const added = (await testCore.call('connections.add', { label: 'Acme', loginUrl: 'https://login.salesforce.com', clientId: 'client-1' })) as { value: { id: string } };
  connectionId = added.value.id;
  before = await observableState(testCore);
});
afterAll(async () => testCore?.dispose());

describe('calls from a frame other than the app renderer', () => {
  it('the sample inputs are valid, so only the sender can be the reason for a refusal', () => {
    for (const channel of channelNames) expect(channels[channel].input.safeParse(withConnection(validInputs[channel])).success, channel).toBe(true);
  });

  it.each(untrustedFrames.map((frame) => [String(frame), frame]))('%s is refused on every channel, nothing changes', async (_label, frame) => {
    for (const channel of channelNames) {
      const result = await testCore.core.dispatch(channel, withConnection(validInputs[channel]), frame);
      expect(result, channel).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('did not come from Budgetly') } });
    }
    expect(await observableState(testCore)).toBe(before);
    expect(testCore.logger.lines.filter((line) => line.includes('untrusted frame')).length).toBeGreaterThan(0);
  });

  it('any generated web URL off the renderer’s origin is refused', async () => {
    const trustedOrigin = new URL(TEST_RENDERER_URL).origin;
    await fc.assert(
      fc.asyncProperty(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.constantFrom(...channelNames), async (url, channel) => {
        fc.pre(new URL(url).origin !== trustedOrigin);
        const result = await testCore.core.dispatch(channel, withConnection(validInputs[channel]), url);
        expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }),
      { numRuns: 1_000 },
    );
    expect(await observableState(testCore)).toBe(before);
  });

  it('the same calls from the renderer do work (the refusals above are the sender check, not a broken core)', async () => {
    expect(await testCore.call('app.info')).toMatchObject({ ok: true });
    expect(await testCore.call('connections.update', withConnection(validInputs['connections.update']))).toMatchObject({
      ok: true,
      value: { label: 'Renamed by an attacker' },
    });
  });
});
