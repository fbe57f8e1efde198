import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/core/ipc/dispatcher';
import { checkedDispatch, takeContractMismatches } from '../../support/contract-check';
import { RecordingEvents } from '../../support/test-ports';

// What every test core relies on: a result or event that breaks its schema is caught (and fails the test
// through contract-setup.ts). Each test here takes the mismatch it provoked, so the setup file sees none.
const renderer = 'app://budgetly/index.html';
afterEach(() => void takeContractMismatches());

describe('contract check of test cores', () => {
  it('catches a result that its channel’s output schema rejects, and lets a valid one through', async () => {
    const dispatch = checkedDispatch(
      createDispatcher(
        {
          // The wrong shape a handler could drift to: a number where the contract says string.
          'app.info': () => ({ version: 1, platform: 'linux', secretProtection: 'os', demo: null }) as never,
          'freshness.status': () => ({ online: true, interval: 60, connections: [] }),
        },
        () => true,
      ),
    );
    const bad = await dispatch('app.info', undefined, renderer);
    expect(bad.ok).toBe(true);
    expect(takeContractMismatches()).toEqual([expect.stringMatching(/^result of app\.info does not match the contract: version:/)]);
    await dispatch('freshness.status', undefined, renderer);
    expect(takeContractMismatches()).toEqual([]);
  });

  it('catches an event whose payload its schema rejects', () => {
    const events = new RecordingEvents();
    events.emit('invoices.changed', { connectionId: 'c1', added: 'three' } as never);
    expect(takeContractMismatches()).toEqual([expect.stringMatching(/^event invoices\.changed does not match the contract/)]);
  });
});
