import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, type ChannelName } from '../../electron/contract';
import { createTestCore, type TestCore } from '../support/test-core';
import { observableState } from './support/core-state';
import { hostilePayload } from './support/hostile-payloads';

/**
 * Every channel of the contract (iterated, so a new channel is fuzzed without touching this file)
 * gets 1,000 generated payloads that its schema refuses, through the real dispatcher of a real core:
 * each answer is a typed INVALID_INPUT, short (the hostile value is never echoed back), and
 * nothing a user could notice changes: settings, connections, files in the data folder, events.
 */
const RUNS_PER_CHANNEL = 1_000;

let testCore: TestCore;
let connectionId: string;
let before: string;

beforeAll(async () => {
  testCore = createTestCore();
  // Something to lose: a connection and changed settings.
  const added = await testCore.call('connections.add', { label: 'Acme', loginUrl: 'https://login.salesforce.com', clientId: 'client-1' });
  expect(added.ok).toBe(true);
  connectionId = (added as { value: { id: string } }).value.id;
  expect((await testCore.call('settings.set', { theme: 'dark', agingBasis: 'invoiceDate' })).ok).toBe(true);
  before = await observableState(testCore);
});
afterAll(async () => testCore?.dispose());

describe('IPC fuzzing through the real dispatcher', () => {
  // The channels come from the contract object itself (not from a list that could drift from it).
  it.each((Object.keys(channels) as ChannelName[]).map((name) => [name]))('%s: 1,000 invalid payloads → INVALID_INPUT, nothing changes', async (channel: ChannelName) => {
    const schema = channels[channel].input;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(hostilePayload(schema), async (payload) => {
        // Payloads the schema accepts are real requests, not attacks: generate again.
        fc.pre(!schema.safeParse(payload).success);
        const result = await testCore.call(channel, payload);
        expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.any(String) } });
        expect(JSON.stringify(result).length).toBeLessThan(800);
        refused++;
      }),
      { numRuns: RUNS_PER_CHANNEL, maxSkipsPerRun: 100, seed: seedFor(channel) },
    );
    expect(refused).toBe(RUNS_PER_CHANNEL);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(await observableState(testCore)).toBe(before);
  });

  it('the fuzzed core still works: the connection and the settings are as they were', async () => {
    const list = (await testCore.call('connections.list')) as { ok: true; value: { id: string; label: string }[] };
    expect(list.value.map((connection) => [connection.id, connection.label])).toEqual([[connectionId, 'Acme']]);
    expect(await testCore.call('settings.get')).toMatchObject({ ok: true, value: { theme: 'dark', agingBasis: 'invoiceDate' } });
  });
});

/** Reproducible per channel (a failure names its seed); FUZZ_SEED varies every channel at once. */
function seedFor(channel: string): number {
  let hash = Number(process.env.FUZZ_SEED ?? 0);
  for (const char of channel) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}
