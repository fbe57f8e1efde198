import { describe, expect, it } from 'vitest';
import { channelNames, eventNames } from '../../../electron/contract/channel-names';
import { channels, events } from '../../../electron/contract/channels';

// The preload builds `window.budgetly` from these zod-free lists: a channel added to the contract but not
// here would be missing from the app's bridge, one listed here but not in the contract would answer
// "Unknown request." Both fail this test.
describe('the preload’s channel and event names', () => {
  it('are exactly the contract’s channels, once each', () => {
    expect([...channelNames].sort()).toEqual(Object.keys(channels).sort());
    expect(new Set(channelNames).size).toBe(channelNames.length);
  });

  it('are exactly the contract’s events, once each', () => {
    expect([...eventNames].sort()).toEqual(Object.keys(events).sort());
    expect(new Set(eventNames).size).toBe(eventNames.length);
  });
});
