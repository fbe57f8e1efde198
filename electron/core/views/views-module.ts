import { AppError } from '../../contract';
import { englishMessage } from '../../contract/i18n/spoken-messages';
import { ALL_CONNECTIONS } from '../../contract/saved-views';
import type { CoreDeps } from '../core-deps';
import type { Handlers } from '../ipc/dispatcher';
import type { CatalogueT } from '../../contract/i18n/catalogue';
import { readViewsFile, writeViewsFile } from './views-file';
import { ViewsStore } from './views-store';

type ViewsChannel = 'views.list' | 'views.save' | 'views.update' | 'views.delete' | 'views.export' | 'views.import';

interface ViewsDeps extends Pick<CoreDeps, 'store' | 'saveDialog' | 'openDialog' | 'logger'> {
  /** Whether a connection of this id exists (views of a removed or unknown connection are refused). */
  knownConnection: (id: string) => boolean;
  /** Called when a connection's data is forgotten (disconnect, another org, removal): a removed one's views go too. */
  onForget: (listener: (connectionId: string) => void) => () => void;
  t: () => CatalogueT;
}

/**
 * Saved views (issue #21): `views.*` over the ViewsStore, and Export / Import of a connection's views as a JSON file
 * through the save and open dialogs of the main process (the renderer never names a path).
 */
export function createViewsModule(deps: ViewsDeps): { handlers: Pick<Handlers, ViewsChannel>; store: ViewsStore } {
  const store = new ViewsStore(deps.store, deps.logger);
  const known = (connectionId: string) => {
    if (connectionId !== ALL_CONNECTIONS && !deps.knownConnection(connectionId)) throw new AppError('NOT_FOUND', englishMessage('viewsConnectionUnknown'));
    return connectionId;
  };
  // Disconnected, the connection and its views stay (signing in again finds them); removed, its views go with it.
  deps.onForget((connectionId) => {
    if (!deps.knownConnection(connectionId)) store.forget(connectionId);
  });
  const filters = () => [{ name: deps.t()('coreMessages:viewsFileKind'), extensions: ['json'] }];
  return {
    store,
    handlers: {
      'views.list': ({ connectionId }) => store.list(known(connectionId)),
      'views.save': ({ connectionId, name, state }) => store.save(known(connectionId), name, state),
      'views.update': ({ connectionId, id, ...change }) => store.update(known(connectionId), id, change),
      'views.delete': ({ connectionId, id }) => store.delete(known(connectionId), id),
      'views.export': async ({ connectionId }) => {
        const views = store.views(known(connectionId));
        const path = await deps.saveDialog.choosePath({ defaultName: deps.t()('coreMessages:viewsFileName'), filters: filters() });
        if (path === null) return { path: null, count: 0 };
        await writeViewsFile(path, views);
        return { path, count: views.length };
      },
      'views.import': async ({ connectionId }) => {
        known(connectionId);
        const path = await deps.openDialog.choosePath({ filters: filters() });
        if (path === null) return { path: null, imported: [], list: store.list(connectionId) };
        const views = await readViewsFile(path);
        const { names, list } = store.add(connectionId, views);
        deps.logger.info('Views imported', { count: names.length });
        return { path, imported: names, list };
      },
    },
  };
}
