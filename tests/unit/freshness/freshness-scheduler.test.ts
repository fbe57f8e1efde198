import { afterEach, describe, expect, it } from 'vitest';
import { launchWorld, type FakeWorld } from './fake-world';

/** The schedule of background syncs, on a ManualClock (see fake-world.ts for what is real). */

let world: FakeWorld;
afterEach(() => world?.module.dispose());

const launched = async (statuses: Record<string, 'connected' | 'reconnect-needed' | 'disconnected'>) => (world = await launchWorld(statuses));

/** The window reports the network (its `online` / `offline` events). */
const goOffline = () => world.module.handlers['app.networkChanged']({ online: false });
const backOnline = () => world.module.handlers['app.networkChanged']({ online: true });
const paused = (id: string) => world.module.scheduler.status().connections.find((c) => c.connectionId === id)?.paused;

describe('when background syncs happen', () => {
  it('on launch: every connected org, and only those', async () => {
    await launched({ a: 'connected', b: 'reconnect-needed', c: 'connected', d: 'disconnected' });
    expect(world.started).toEqual(['a', 'c']);
    expect(paused('b')).toBe('reconnect-needed');
    expect(paused('d')).toBe('signed-out');
  });

  it('every 15 minutes by default, counted from the last successful sync', async () => {
    await launched({ a: 'connected' });
    await world.succeed('a');
    expect(world.nextInMinutes('a')).toBe(15);
    await world.advanceMinutes(14);
    expect(world.started).toEqual(['a']);
    await world.advanceMinutes(1);
    expect(world.started).toEqual(['a', 'a']);
    await world.succeed('a');
    await world.advanceMinutes(15);
    expect(world.started).toHaveLength(3);
  });

  it('follows the interval setting, and "off" plans nothing', async () => {
    await launched({ a: 'connected' });
    await world.succeed('a');
    world.settings.update({ syncInterval: 5 });
    expect(world.nextInMinutes('a')).toBe(5);
    world.settings.update({ syncInterval: 'off' });
    expect(world.nextInMinutes('a')).toBeNull();
    expect(paused('a')).toBe('off');
    await world.advanceMinutes(24 * 60);
    expect(world.started).toEqual(['a']);
    world.settings.update({ syncInterval: 60 });
    expect(world.nextInMinutes('a')).toBe(60);
    await world.advanceMinutes(60);
    expect(world.started).toEqual(['a', 'a']);
  });

  it('skips while offline and syncs as soon as the machine is back online', async () => {
    await launched({ a: 'connected' });
    await world.succeed('a');
    goOffline();
    expect(world.nextInMinutes('a')).toBeNull();
    expect(paused('a')).toBe('offline');
    await world.advanceMinutes(120);
    expect(world.started).toEqual(['a']);
    backOnline();
    expect(world.started).toEqual(['a', 'a']);
    expect(paused('a')).toBeNull();
  });

  it('after a reconnect: syncs at once; while reconnect is needed: never', async () => {
    await launched({ a: 'connected' });
    await world.succeed('a');
    world.setStatus('a', 'reconnect-needed');
    expect(world.nextInMinutes('a')).toBeNull();
    await world.advanceMinutes(180);
    expect(world.started).toEqual(['a']);
    world.setStatus('a', 'connected');
    expect(world.started).toEqual(['a', 'a']);
  });
});

describe('one sync per connection, whoever asked', () => {
  it('a manual sync running when the interval comes round is not doubled, and the interval restarts after it', async () => {
    await launched({ a: 'connected' });
    await world.succeed('a');
    await world.advanceMinutes(10);
    const manual = world.sync('a'); // the user presses Sync
    await world.advanceMinutes(5); // the background tick is due now
    expect(world.started).toEqual(['a', 'a']);
    await world.succeed('a');
    await manual;
    expect(world.nextInMinutes('a')).toBe(15);
  });

  it('a background sync running when the user presses Sync is the one the user gets', async () => {
    await launched({ a: 'connected' });
    const manual = world.sync('a');
    expect(world.started).toEqual(['a']);
    await world.succeed('a');
    await expect(manual).resolves.toMatchObject({ changed: 1 });
  });
});

describe('failures', () => {
  it('back off 1, 2, 4 … 60 minutes and reset after a success', async () => {
    await launched({ a: 'connected' });
    const waits: (number | null)[] = [];
    for (let i = 0; i < 8; i++) {
      await world.fail('a', i % 2 ? 'SALESFORCE_LIMIT' : 'NETWORK');
      waits.push(world.nextInMinutes('a'));
      await world.advanceMinutes(waits.at(-1)!);
      expect(world.isRunning('a')).toBe(true);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    await world.succeed('a');
    expect(world.nextInMinutes('a')).toBe(15);
    expect(world.module.scheduler.status().connections[0]!.failures).toBe(0);
  });

  it('"reconnect needed" stops background attempts for that connection only, until it is reconnected', async () => {
    await launched({ a: 'connected', b: 'connected' });
    await world.fail('a', 'RECONNECT_REQUIRED');
    await world.succeed('b');
    expect(paused('a')).toBe('reconnect-needed');
    await world.advanceMinutes(15);
    expect(world.started.filter((id) => id === 'b')).toHaveLength(2);
    await world.succeed('b');
    await world.advanceMinutes(6 * 60);
    expect(world.started.filter((id) => id === 'a')).toHaveLength(1);
    world.setStatus('a', 'reconnect-needed');
    world.setStatus('a', 'connected');
    expect(world.started.filter((id) => id === 'a')).toHaveLength(2);
  });

  it('a cancelled sync is not a failure', async () => {
    await launched({ a: 'connected' });
    await world.fail('a', 'CANCELLED');
    expect(world.nextInMinutes('a')).toBe(15);
  });
});

describe('timers stop', () => {
  it('when the connection is removed', async () => {
    await launched({ a: 'connected', b: 'connected' });
    await world.succeed('a');
    await world.succeed('b');
    await world.remove('a');
    await world.advanceMinutes(60);
    expect(world.started.filter((id) => id === 'a')).toHaveLength(1);
    expect(world.started.filter((id) => id === 'b')).toHaveLength(2);
  });

  it('when the core is disposed', async () => {
    await launched({ a: 'connected' });
    await world.succeed('a');
    world.module.dispose();
    await world.advanceMinutes(600);
    goOffline();
    backOnline();
    expect(world.started).toEqual(['a']);
  });
});
