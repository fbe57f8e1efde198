import { afterEach, describe, expect, it } from 'vitest';
import { RESUME_SETTLE_MS } from '../../../electron/core/freshness/freshness-scheduler';
import { FakeWorld, launchWorld } from './fake-world';

/**
 * Waking from sleep (the power monitor's 'resume', through the PowerEvents port): timers stood still while
 * the machine slept, so what fell due is synced once, shortly after waking. On a ManualClock whose `sleep`
 * moves the wall clock but not the timers, as a suspended machine does.
 */
let world: FakeWorld;
afterEach(() => world?.module.dispose());

const launched = async (statuses: Record<string, 'connected' | 'reconnect-needed' | 'disconnected'>) => (world = await launchWorld(statuses));

const setOnline = (online: boolean) => world.module.handlers['app.networkChanged']({ online });
const SETTLE_MINUTES = RESUME_SETTLE_MS / 60_000;

describe('after the computer wakes from sleep', () => {
  it('syncs once soon after waking when the interval fell due while asleep, however often the OS reports the wake-up', async () => {
    await launched({ a: 'connected' });
    await world.succeed('a');
    await world.advanceMinutes(5);
    await world.sleepMinutes(8 * 60, 3);
    // Not in the middle of waking up (the network needs a moment) …
    expect(world.started).toEqual(['a']);
    // … but shortly after, once, instead of after the 10 awake minutes the old timer still had to run.
    await world.advanceMinutes(SETTLE_MINUTES);
    expect(world.started).toEqual(['a', 'a']);
    world.power.resume();
    await world.advanceMinutes(SETTLE_MINUTES);
    expect(world.started).toEqual(['a', 'a']); // a second wake-up while that sync runs is not another one
    await world.succeed('a');
    // The old timer is gone: the next sync is a full interval after this one.
    expect(world.nextInMinutes('a')).toBe(15);
    await world.advanceMinutes(14);
    expect(world.started).toHaveLength(2);
    await world.advanceMinutes(1);
    expect(world.started).toHaveLength(3);
  });

  it('does nothing after a short nap: nothing is due yet, and the plan stays', async () => {
    await launched({ a: 'connected' });
    await world.succeed('a');
    await world.sleepMinutes(3);
    await world.advanceMinutes(SETTLE_MINUTES);
    expect(world.started).toEqual(['a']);
    expect(world.nextInMinutes('a')).not.toBeNull();
  });

  it('syncs only the connections that may sync: not signed-out ones, not those waiting for a reconnect', async () => {
    await launched({ a: 'connected', b: 'disconnected', c: 'connected', d: 'reconnect-needed' });
    await world.succeed('a');
    await world.fail('c', 'RECONNECT_REQUIRED');
    await world.sleepMinutes(120);
    await world.advanceMinutes(SETTLE_MINUTES);
    expect(world.started).toEqual(['a', 'c', 'a']);
  });

  it('does nothing while offline; coming back online syncs as before', async () => {
    await launched({ a: 'connected' });
    await world.succeed('a');
    setOnline(false);
    await world.sleepMinutes(120);
    await world.advanceMinutes(SETTLE_MINUTES);
    expect(world.started).toEqual(['a']);
    setOnline(true);
    expect(world.started).toEqual(['a', 'a']);
  });

  it('waking up offline and getting the network back within moments makes one sync, not two', async () => {
    await launched({ a: 'connected' });
    await world.succeed('a');
    setOnline(false);
    await world.sleepMinutes(120);
    setOnline(true);
    await world.advanceMinutes(SETTLE_MINUTES);
    expect(world.started).toEqual(['a', 'a']);
  });

  it('does nothing with the interval "off" (nothing is due)', async () => {
    await launched({ a: 'connected' });
    await world.succeed('a');
    world.settings.update({ syncInterval: 'off' });
    await world.sleepMinutes(24 * 60);
    await world.advanceMinutes(SETTLE_MINUTES);
    expect(world.started).toEqual(['a']);
  });

  it('after a failure, syncs on waking once the backoff fell due while asleep', async () => {
    await launched({ a: 'connected' });
    await world.fail('a', 'NETWORK');
    expect(world.nextInMinutes('a')).toBe(1);
    await world.sleepMinutes(30);
    await world.advanceMinutes(SETTLE_MINUTES);
    expect(world.started).toEqual(['a', 'a']);
  });

  it('ignores wake-ups before start and after dispose, and lets go of the power monitor', async () => {
    world = new FakeWorld({ a: 'connected' });
    world.power.resume();
    await world.advanceMinutes(SETTLE_MINUTES);
    expect(world.started).toEqual([]);
    await world.module.start();
    await world.succeed('a');
    await world.sleepMinutes(120);
    world.module.dispose();
    await world.advanceMinutes(SETTLE_MINUTES);
    expect(world.started).toEqual(['a']);
    expect(world.power.subscribers).toBe(0);
  });
});
