import { isAllowedLoginUrl } from '../../contract/login-host';
import type { Logger } from '../ports';
import type { PendingRevokes } from '../secrets/pending-revokes';
import type { ConnectionRecords } from './connection-records';
import { englishMessage } from '../../contract/i18n/spoken-messages';
import { revokeAtSalesforce } from './revoke';

/**
 * Sends the sign-outs Salesforce has not heard of yet (sign-out while offline), once at a time. Each one that
 * goes through is dropped, and its connection's "will end the sign-in at Salesforce" note is cleared.
 * The stored login address is checked again before the token is sent (the one login-host rule: https Salesforce
 * sign-in hosts or the exact extra origins): one that no longer passes — a tampered store — is dropped unsent,
 * and its connection says so.
 */
export class PendingSignOuts {
  private running: Promise<void> | null = null;

  constructor(
    private readonly pending: PendingRevokes,
    private readonly records: ConnectionRecords,
    private readonly logger: Logger,
    private readonly changed: () => void,
    private readonly extraOrigins: readonly string[],
  ) {}

  retry(): Promise<void> {
    this.running ??= this.send().finally(() => (this.running = null));
    return this.running;
  }

  private async send(): Promise<void> {
    let cleared = false;
    for (const item of await this.pending.all()) {
      const trusted = isAllowedLoginUrl(item.loginUrl, this.extraOrigins);
      if (!trusted) this.logger.warn('Pending sign-out dropped unsent: its login address is not a Salesforce sign-in host');
      else if (!(await revokeAtSalesforce(item, item, this.logger, this.extraOrigins))) continue;
      await this.pending.remove(item.refreshToken);
      const record = this.records.get(item.connectionId);
      if (record?.lastError?.message === englishMessage('signOutPending') && !(await this.pending.has(item.connectionId))) {
        this.records.update(item.connectionId, { lastError: trusted ? undefined : { code: 'SALESFORCE_ERROR', message: englishMessage('signOutNotSent') } });
        cleared = true;
      }
    }
    if (cleared) this.changed();
  }
}
