import { AppError, type Connection, type ErrorCode, type SyncResult } from '../../../electron/contract';
import { createFreshnessModule, type FreshnessModule } from '../../../electron/core/freshness/freshness-module';
import type { InvoiceSyncs } from '../../../electron/core/module-links';
import { EventTap } from '../../../electron/core/ipc/event-tap';
import type { PowerEvents } from '../../../electron/core/ports';
import { SettingsService } from '../../../electron/core/settings/settings-service';
import { ManualClock, MemoryLogger, RecordingEvents } from '../../support/test-ports';

interface Pending {
  resolve: (result: SyncResult) => void;
  reject: (error: unknown) => void;
  promise: Promise<SyncResult>;
}

/**
 * The scheduler's world in memory: connections whose status the test flips (pushing
 * `connections.changed` as the connections module does), a sync coordinator whose syncs the test
 * finishes (one per connection, a second request joins; success pushes `invoices.changed`), real
 * settings and a ManualClock. Wired by the real `createFreshnessModule`.
 */
/** The power monitor's wake-ups, sent by the test. */
export class FakePower implements PowerEvents {
  private readonly listeners = new Set<() => void>();
  onResume(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  resume(): void {
    for (const listener of this.listeners) listener();
  }
  get subscribers(): number {
    return this.listeners.size;
  }
}

export class FakeWorld {
  readonly clock = new ManualClock();
  readonly power = new FakePower();
  readonly events = new RecordingEvents();
  readonly tap = new EventTap(this.events, new MemoryLogger());
  readonly settings: SettingsService;
  readonly module: FreshnessModule;
  /** Every sync started (by anyone), in order. */
  readonly started: string[] = [];
  private readonly running = new Map<string, Pending>();
  private readonly forgetListeners = new Set<(id: string) => void | Promise<void>>();
  private connections: Connection[] = [];

  constructor(statuses: Record<string, Connection['status']>) {
    const values = new Map<string, unknown>();
    this.settings = new SettingsService({ get: (k) => values.get(k) as never, set: (k, v) => values.set(k, v), delete: (k) => values.delete(k) });
    for (const [id, status] of Object.entries(statuses)) this.connections.push(connection(id, status));
    const syncs: InvoiceSyncs = { sync: (id) => this.sync(id), isRunning: (id) => this.running.has(id) };
    this.module = createFreshnessModule({
      clock: this.clock,
      power: this.power,
      events: this.tap,
      logger: new MemoryLogger(),
      retryPendingSignOuts: async () => undefined,
      settings: this.settings,
      connections: () => this.connections,
      connectionsReady: Promise.resolve(),
      onForget: (listener) => (this.forgetListeners.add(listener), () => this.forgetListeners.delete(listener)),
      syncs,
    });
  }

  /** Starts a sync as the Sync button does (joins a running one). */
  sync(id: string): Promise<SyncResult> {
    const active = this.running.get(id);
    if (active) return active.promise;
    this.started.push(id);
    let pending!: Pending;
    const promise = new Promise<SyncResult>((resolve, reject) => (pending = { resolve, reject, promise: undefined as never }));
    pending.promise = promise;
    promise.catch(() => undefined);
    this.running.set(id, pending);
    return promise;
  }

  isRunning(id: string): boolean {
    return this.running.has(id);
  }

  async succeed(id: string): Promise<void> {
    const pending = this.take(id);
    this.tap.emit('invoices.changed', { connectionId: id, added: 0, changed: 1, deleted: 0, changedIds: ['x'] });
    pending.resolve({ mode: 'incremental', fetched: 1, total: 1, changed: 1, deleted: 0, syncedAt: new Date(this.clock.now()).toISOString() });
    await settle();
  }

  async fail(id: string, code: ErrorCode): Promise<void> {
    this.take(id).reject(new AppError(code, code));
    await settle();
  }

  setStatus(id: string, status: Connection['status']): void {
    this.connections = this.connections.map((c) => (c.id === id ? { ...c, status } : c));
    this.tap.emit('connections.changed', this.connections);
  }

  async remove(id: string): Promise<void> {
    this.connections = this.connections.filter((c) => c.id !== id);
    for (const listener of this.forgetListeners) await listener(id);
    this.tap.emit('connections.changed', this.connections);
  }

  /** Moves the clock and lets the syncs it started begin. */
  async advanceMinutes(minutes: number): Promise<void> {
    this.clock.advance(minutes * 60_000);
    await settle();
  }

  /** The machine sleeps (timers stand still), then the OS reports the wake-up `resumes` times. */
  async sleepMinutes(minutes: number, resumes = 1): Promise<void> {
    this.clock.sleep(minutes * 60_000);
    for (let i = 0; i < resumes; i++) this.power.resume();
    await settle();
  }

  /** When the next background sync of `id` is planned, in minutes from now (null: none). */
  nextInMinutes(id: string): number | null {
    const entry = this.module.scheduler.status().connections.find((c) => c.connectionId === id);
    return entry?.nextAttemptAt ? (Date.parse(entry.nextAttemptAt) - this.clock.now()) / 60_000 : null;
  }

  private take(id: string): Pending {
    const pending = this.running.get(id);
    if (!pending) throw new Error(`no sync of ${id} is running`);
    this.running.delete(id);
    return pending;
  }
}

/** A world with these connections whose freshness module has started, as the app starts it. */
export async function launchWorld(statuses: Record<string, Connection['status']>): Promise<FakeWorld> {
  const world = new FakeWorld(statuses);
  await world.module.start();
  return world;
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

function connection(id: string, status: Connection['status']): Connection {
  return { id, label: id, loginUrl: 'https://login.salesforce.com', clientId: 'c', hasClientSecret: false, signInMethod: 'window', status, sessionOnly: false };
}
