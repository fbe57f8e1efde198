import type { Connection } from '../../contract';
import type { Handlers } from '../ipc/dispatcher';
import type { EventTap } from '../ipc/event-tap';
import type { ConnectionDirectory, InvoiceSyncs } from '../module-links';
import type { Clock, Logger, PowerEvents } from '../ports';
import type { SettingsService } from '../settings/settings-service';
import { FreshnessScheduler } from './freshness-scheduler';

export interface FreshnessModule {
  handlers: Pick<Handlers, 'app.networkChanged' | 'freshness.status'>;
  scheduler: FreshnessScheduler;
  /** Starts background syncs (the launch sync first) once the saved sign-ins were checked. */
  start(): Promise<void>;
  dispose(): void;
}

/** The freshness scheduler wired to the events, settings and modules it reacts to. */
export function createFreshnessModule(deps: {
  clock: Clock;
  power?: PowerEvents;
  events: EventTap;
  logger: Logger;
  settings: SettingsService;
  /** Every saved connection with its status. */
  connections: () => Connection[];
  /** Settles once the saved sign-ins were checked at start. */
  connectionsReady: Promise<void>;
  /** Tells the scheduler when a connection is disconnected or removed. */
  onForget: ConnectionDirectory['onForget'];
  syncs: InvoiceSyncs;
  /** Sends the sign-outs that could not reach Salesforce (revoke pending). */
  retryPendingSignOuts: () => Promise<void>;
  /** True while the org has fewer than 10% of its daily API requests left (background syncs slow down). */
  lowApiAllowance?: (connectionId: string) => boolean;
}): FreshnessModule {
  const scheduler = new FreshnessScheduler({
    clock: deps.clock,
    syncs: deps.syncs,
    connections: deps.connections,
    settings: deps.settings,
    events: deps.events,
    logger: deps.logger,
    lowApiAllowance: deps.lowApiAllowance,
  });
  const stops = [
    deps.events.on('connections.changed', (list) => scheduler.connectionsChanged(list)),
    deps.events.on('invoices.changed', ({ connectionId }) => scheduler.synced(connectionId)),
    deps.settings.onChange((next, previous) => {
      if (next.syncInterval !== previous.syncInterval) scheduler.intervalChanged();
    }),
    deps.onForget((connectionId) => scheduler.forget(connectionId)),
    deps.power?.onResume(() => scheduler.resumed()) ?? (() => undefined),
  ];
  return {
    scheduler,
    handlers: {
      'app.networkChanged': ({ online }) => {
        scheduler.setOnline(online);
        // Back online: sign-outs that could not reach Salesforce are sent now.
        if (online) void deps.retryPendingSignOuts();
        return null;
      },
      'freshness.status': () => scheduler.status(),
    },
    start: () => deps.connectionsReady.then(() => scheduler.start()),
    dispose() {
      for (const stop of stops) stop();
      scheduler.dispose();
    },
  };
}
