import type { ConnectionsModule } from '../connections/connections-module';
import type { InvoicesModule } from '../invoices/invoices-module';
import type { Handlers } from '../ipc/dispatcher';
import type { EventTap } from '../ipc/event-tap';
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
  connections: ConnectionsModule;
  invoices: InvoicesModule;
}): FreshnessModule {
  const scheduler = new FreshnessScheduler({
    clock: deps.clock,
    syncs: deps.invoices.syncs,
    connections: () => deps.connections.list(),
    settings: deps.settings,
    events: deps.events,
    logger: deps.logger,
  });
  const stops = [
    deps.events.on('connections.changed', (list) => scheduler.connectionsChanged(list)),
    deps.events.on('invoices.changed', ({ connectionId }) => scheduler.synced(connectionId)),
    deps.settings.onChange((next, previous) => {
      if (next.syncInterval !== previous.syncInterval) scheduler.intervalChanged();
    }),
    deps.connections.directory.onForget((connectionId) => scheduler.forget(connectionId)),
    deps.power?.onResume(() => scheduler.resumed()) ?? (() => undefined),
  ];
  return {
    scheduler,
    handlers: {
      'app.networkChanged': ({ online }) => {
        scheduler.setOnline(online);
        // Back online: sign-outs that could not reach Salesforce are sent now.
        if (online) void deps.connections.retryPendingSignOuts();
        return null;
      },
      'freshness.status': () => scheduler.status(),
    },
    start: () => deps.connections.ready.then(() => scheduler.start()),
    dispose() {
      for (const stop of stops) stop();
      scheduler.dispose();
    },
  };
}
