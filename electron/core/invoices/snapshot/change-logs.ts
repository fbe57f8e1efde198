import type { SyncChangeLog } from '../../../contract';

/** How many syncs' logs are kept per connection. */
const KEPT = 20;

/**
 * The change log of each connection's syncs in this app session, newest first (`invoices.changeLog`). Kept in
 * memory only: it names invoices, customers and amounts, which go to disk only inside the encrypted copy.
 */
export class ChangeLogs {
  private readonly logs = new Map<string, SyncChangeLog[]>();

  add(connectionId: string, log: SyncChangeLog): void {
    const list = this.logs.get(connectionId) ?? [];
    list.unshift(log);
    this.logs.set(connectionId, list.slice(0, KEPT));
  }

  list(connectionId: string): SyncChangeLog[] {
    return this.logs.get(connectionId) ?? [];
  }

  forget(connectionId: string): void {
    this.logs.delete(connectionId);
  }
}
