import type { Logger } from '../ports';
import type { PendingRevokes } from '../secrets/pending-revokes';
import type { ConnectionRecords } from './connection-records';
import { signOutPendingMessage } from './connections-text';
import { revokeAtSalesforce } from './revoke';

/**
 * Sends the sign-outs Salesforce has not heard of yet (sign-out while offline), once at a time. Each one that
 * goes through is dropped, and its connection's "will end the sign-in at Salesforce" note is cleared.
 */
export class PendingSignOuts {
  private running: Promise<void> | null = null;

  constructor(
    private readonly pending: PendingRevokes,
    private readonly records: ConnectionRecords,
    private readonly logger: Logger,
    private readonly changed: () => void,
  ) {}

  retry(): Promise<void> {
    this.running ??= this.send().finally(() => (this.running = null));
    return this.running;
  }

  private async send(): Promise<void> {
    let cleared = false;
    for (const item of await this.pending.all()) {
      if (!(await revokeAtSalesforce(item, item, this.logger))) continue;
      await this.pending.remove(item.refreshToken);
      const record = this.records.get(item.connectionId);
      if (record?.lastError?.message === signOutPendingMessage && !(await this.pending.has(item.connectionId))) {
        this.records.update(item.connectionId, { lastError: undefined });
        cleared = true;
      }
    }
    if (cleared) this.changed();
  }
}
