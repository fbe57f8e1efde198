import { AppError, type Connection } from '../../contract';
import type { InvoiceSyncs } from '../module-links';
import type { Handler, Handlers } from '../ipc/dispatcher';
import type { Shell } from '../ports';
import { UpdateService, type BusyWork, type UpdateServiceDeps } from './update-service';
import { updateTexts } from './update-texts';

export interface UpdatesModule {
  handlers: Pick<Handlers, Extract<keyof Handlers, `updates.${string}`>>;
  service: UpdateService;
  /** Wraps the export handler so a restart waits for a running export. */
  trackExport(handler: Handler<'invoices.export'>): Handler<'invoices.export'>;
  start(): void;
  dispose(): void;
}

/** The update service wired to what it must not interrupt (syncs, exports) and to the window. */
export function createUpdatesModule(
  deps: Omit<UpdateServiceDeps, 'busy'> & {
    shell: Shell;
    syncs: InvoiceSyncs;
    connections: () => readonly Connection[];
  },
): UpdatesModule {
  let exports = 0;
  const busy = (): BusyWork => {
    if (deps.connections().some((connection) => deps.syncs.isRunning(connection.id))) return 'sync';
    return exports > 0 ? 'export' : null;
  };
  const service = new UpdateService({ ...deps, busy });
  return {
    service,
    handlers: {
      'updates.status': () => service.status(),
      'updates.check': () => service.check(),
      'updates.download': () => service.download(),
      'updates.restart': () => service.restart(),
      'updates.openDownloadPage': async () => {
        const page = deps.port.downloadPage;
        if (!page) throw new AppError('NOT_FOUND', updateTexts(deps.words.t).manualInstall);
        await deps.shell.openExternal(page);
        return null;
      },
    },
    trackExport: (handler) => async (input) => {
      exports++;
      try {
        return await handler(input);
      } finally {
        exports--;
      }
    },
    start: () => service.start(),
    dispose: () => service.dispose(),
  };
}
