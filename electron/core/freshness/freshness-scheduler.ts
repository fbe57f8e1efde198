import { isAppError, type Connection, type ConnectionFreshness, type FreshnessStatus } from '../../contract';
import type { InvoiceSyncs } from '../module-links';
import type { Clock, EventSink, Logger } from '../ports';
import type { SettingsService } from '../settings/settings-service';
import { backoffMs, intervalMs, slowedIntervalMs } from './backoff';

export interface FreshnessDeps {
  clock: Clock;
  syncs: InvoiceSyncs;
  /** Every saved connection with its status. */
  connections: () => Connection[];
  settings: SettingsService;
  /** Pushes `freshness.changed`. */
  events: EventSink;
  logger: Logger;
  /** True while the org has fewer than 10% of its daily API requests left: the interval is slowed (`slowedIntervalMs`). */
  lowApiAllowance?: (connectionId: string) => boolean;
}

interface Plan {
  /** The status last seen, to notice a connection turning `connected` (a reconnect). */
  status: Connection['status'];
  failures: number;
  /** Set when the last background attempt ended in "reconnect needed": no more attempts until reconnected. */
  needsReconnect: boolean;
  nextAt: number | null;
  cancel?: () => void;
}

/**
 * How long after waking from sleep the scheduler looks for syncs that fell due: long enough for the
 * network to come back (and for the OS's repeated resume events to arrive as one), short enough to feel
 * like "right after opening the lid".
 */
export const RESUME_SETTLE_MS = 10_000;

/** Errors after which trying again cannot help until the user signs in again. */
const STOPPING = new Set(['RECONNECT_REQUIRED', 'NOT_CONNECTED', 'NOT_FOUND']);

/**
 * Keeps every connected org's invoices current without anyone asking: an incremental sync on launch
 * (`start`), when a connection turns connected again, when the machine is back online, and every
 * `settings.syncInterval` minutes. Syncs go through the invoices module's coordinator, so a manual
 * sync and a background one are never two. Skipped while offline; after failures it waits 1, 2, 4 …
 * 60 minutes; "reconnect needed" stops it for that connection until the user signs in again.
 * Timers come from the Clock port only, and all of them stop on `forget` and `dispose`.
 */
export class FreshnessScheduler {
  private readonly plans = new Map<string, Plan>();
  private online = true;
  private started = false;
  private disposed = false;
  /** The pending look after a wake-up (one, however many resume events arrive). */
  private cancelWake?: () => void;

  constructor(private readonly deps: FreshnessDeps) {}

  /** Launch: syncs every connected org now and plans the next ones. */
  start(): void {
    if (this.started || this.disposed) return;
    this.started = true;
    for (const connection of this.deps.connections()) {
      this.plan(connection.id).status = connection.status;
      if (connection.status === 'connected') void this.attempt(connection.id);
    }
    this.publish();
  }

  setOnline(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    if (!this.started || this.disposed) return this.publish();
    for (const [id, plan] of this.plans) {
      if (online && plan.status === 'connected' && !plan.needsReconnect) void this.attempt(id);
      else this.replan(id);
    }
    this.publish();
  }

  /**
   * The computer woke from sleep. Timers count awake time only, so an interval (or backoff) that fell due
   * while asleep would wait for its remaining awake minutes. Shortly after waking, each connection whose next
   * sync is due by the wall clock is synced once; the others keep their plan. Nothing while offline, signed
   * out or waiting for a reconnect, and nothing with the interval 'off' (nothing is due).
   */
  resumed(): void {
    if (!this.started || this.disposed) return;
    this.cancelWake?.();
    this.cancelWake = this.deps.clock.setTimeout(() => {
      this.cancelWake = undefined;
      this.syncWhatFellDue();
    }, RESUME_SETTLE_MS);
  }

  /** From `connections.changed`: a connection that turned connected is synced now; others lose their timers. */
  connectionsChanged(connections: readonly Connection[]): void {
    if (!this.started || this.disposed) return;
    const present = new Set(connections.map((c) => c.id));
    for (const id of [...this.plans.keys()]) if (!present.has(id)) this.forget(id);
    for (const connection of connections) {
      const plan = this.plan(connection.id);
      const reconnected = connection.status === 'connected' && plan.status !== 'connected';
      plan.status = connection.status;
      if (reconnected) {
        plan.needsReconnect = false;
        plan.failures = 0;
        void this.attempt(connection.id);
      } else if (connection.status !== 'connected' && plan.nextAt !== null) this.replan(connection.id);
    }
    this.publish();
  }

  /** From `invoices.changed`: any successful sync (background or manual) resets the backoff and restarts the interval. */
  synced(connectionId: string): void {
    if (!this.started || this.disposed) return;
    const plan = this.plans.get(connectionId);
    if (!plan) return;
    plan.failures = 0;
    plan.needsReconnect = false;
    this.replan(connectionId);
    this.publish();
  }

  /** The interval setting changed: healthy connections count the new interval from now. */
  intervalChanged(): void {
    if (!this.started || this.disposed) return;
    for (const id of this.plans.keys()) this.replan(id);
    this.publish();
  }

  /** The connection was disconnected or removed: its timer stops and its history goes. */
  forget(connectionId: string): void {
    this.plans.get(connectionId)?.cancel?.();
    this.plans.delete(connectionId);
  }

  status(): FreshnessStatus {
    const interval = this.deps.settings.get().syncInterval;
    const connections = this.deps.connections().map((connection): ConnectionFreshness => {
      const plan = this.plans.get(connection.id);
      return {
        connectionId: connection.id,
        nextAttemptAt: plan?.nextAt != null ? new Date(plan.nextAt).toISOString() : null,
        failures: plan?.failures ?? 0,
        paused:
          connection.status === 'reconnect-needed' || plan?.needsReconnect
            ? 'reconnect-needed'
            : connection.status === 'disconnected'
              ? 'signed-out'
              : !this.online
                ? 'offline'
                : interval === 'off'
                  ? 'off'
                  : null,
        ...(this.deps.lowApiAllowance?.(connection.id) ? { slowedForApiLimit: true } : {}),
      };
    });
    return { online: this.online, interval, connections };
  }

  dispose(): void {
    this.disposed = true;
    this.cancelWake?.();
    for (const plan of this.plans.values()) plan.cancel?.();
    this.plans.clear();
  }

  private plan(connectionId: string): Plan {
    let plan = this.plans.get(connectionId);
    if (!plan) {
      plan = { status: 'disconnected', failures: 0, needsReconnect: false, nextAt: null };
      this.plans.set(connectionId, plan);
    }
    return plan;
  }

  private syncWhatFellDue(): void {
    if (this.disposed || !this.online) return;
    const now = this.deps.clock.now();
    for (const [id, plan] of this.plans) {
      if (plan.nextAt !== null && plan.nextAt <= now) void this.attempt(id);
    }
  }

  /** Runs one background sync now, unless offline, not connected, or a sync is already running. */
  private async attempt(connectionId: string): Promise<void> {
    const plan = this.plans.get(connectionId);
    if (!plan || this.disposed) return;
    this.clearTimer(plan);
    if (!this.online || plan.status !== 'connected' || plan.needsReconnect || this.deps.syncs.isRunning(connectionId)) {
      // Offline / not connected: no timer. Running: that sync's success replans; until then keep the rhythm.
      this.replan(connectionId);
      this.publish();
      return;
    }
    this.publish();
    try {
      await this.deps.syncs.sync(connectionId, 'incremental');
      // Success arrives through `invoices.changed` → synced().
    } catch (error) {
      this.failed(connectionId, error);
    }
  }

  private failed(connectionId: string, error: unknown): void {
    const plan = this.plans.get(connectionId);
    if (!plan || this.disposed) return;
    const code = isAppError(error) ? error.code : 'INTERNAL';
    if (code === 'CANCELLED') {
      // The user cancelled the running sync (or the connection is going away): not the org's fault.
    } else if (STOPPING.has(code)) {
      plan.needsReconnect = code === 'RECONNECT_REQUIRED' || plan.needsReconnect;
      this.clearTimer(plan);
      this.publish();
      return;
    } else {
      plan.failures++;
      this.deps.logger.info('Background sync failed; trying again later', { code, failures: plan.failures });
    }
    this.replan(connectionId);
    this.publish();
  }

  /** Sets the one timer of a connection from its state: interval when healthy, backoff after failures, none when paused. */
  private replan(connectionId: string): void {
    const plan = this.plans.get(connectionId);
    if (!plan) return;
    this.clearTimer(plan);
    const every = intervalMs(this.deps.settings.get().syncInterval);
    if (!this.started || this.disposed || !this.online || plan.status !== 'connected' || plan.needsReconnect || every === null) return;
    const delay = plan.failures > 0 ? backoffMs(plan.failures) : this.deps.lowApiAllowance?.(connectionId) ? slowedIntervalMs(every) : every;
    plan.nextAt = this.deps.clock.now() + delay;
    plan.cancel = this.deps.clock.setTimeout(() => {
      plan.cancel = undefined;
      void this.attempt(connectionId);
    }, delay);
  }

  private clearTimer(plan: Plan): void {
    plan.cancel?.();
    plan.cancel = undefined;
    plan.nextAt = null;
  }

  private publish(): void {
    if (!this.disposed) this.deps.events.emit('freshness.changed', this.status());
  }
}
