import type { Handlers } from '../ipc/dispatcher';
import type { ConnectionsService } from './connections-service';

export type ConnectionsChannel =
  | 'connections.list'
  | 'connections.add'
  | 'connections.update'
  | 'connections.connect'
  | 'connections.cancelLogin'
  | 'connections.disconnect'
  | 'connections.remove';

/** Every `connections.*` channel; inputs arrive validated by the contract. `ready` = stored sessions checked. */
export function connectionsHandlers(service: ConnectionsService, ready: Promise<void>): Pick<Handlers, ConnectionsChannel> {
  return {
    'connections.list': async () => {
      await ready;
      return service.list();
    },
    'connections.add': async (input) => {
      await ready;
      return service.add(input);
    },
    'connections.update': async (input) => {
      await ready;
      return service.update(input);
    },
    'connections.connect': async ({ id, switchUser }) => {
      await ready;
      return service.connect(id, switchUser ?? false);
    },
    'connections.cancelLogin': async ({ id }) => {
      await ready;
      service.cancelLogin(id);
      return null;
    },
    'connections.disconnect': async ({ id }) => {
      await ready;
      return service.disconnect(id);
    },
    'connections.remove': async ({ id }) => {
      await ready;
      await service.remove(id);
      return null;
    },
  };
}
