import { englishMessage } from '../../../contract/i18n/spoken-messages';
import type { SalesforceConnection as Connection } from '../../salesforce/jsforce-adapter';
import { AppError } from '../../../contract';
import type { SalesforceSessions } from '../../module-links';
import { toAppError } from '../../salesforce/salesforce-errors';
import { chooseApiVersion } from './api-version';
import { salesforceGet } from '../sync/salesforce-get';
import { withRetries, type RetryPolicy } from '../sync/with-retries';
import type { GlobalObject, ObjectDescribe } from './describe-types';

/** A bootstrap version to read the org's version list with (`/services/data/` needs none). */
const BOOTSTRAP_VERSION = '62.0';
export const FALLBACK_CURRENCY = 'USD';

/**
 * What the app learns about an org before it can query invoices: the API version to pin, the
 * objects (describeGlobal) and each object's describe. The version is remembered per connection
 * for the life of the process; describes are always fresh (field-level security can change).
 */
export class OrgMetadata {
  private readonly versions = new Map<string, string>();

  constructor(
    private readonly sessions: SalesforceSessions,
    private readonly retry: RetryPolicy,
  ) {}

  /** An authenticated connection pinned to the highest API version the org and the app share. */
  async open(connectionId: string): Promise<{ conn: Connection; apiVersion: string }> {
    let apiVersion = this.versions.get(connectionId);
    if (!apiVersion) {
      const bootstrap = await this.sessions.open(connectionId, BOOTSTRAP_VERSION);
      const offered = await this.call(() => salesforceGet<{ version: string }[]>(bootstrap, '/services/data/'));
      if (!Array.isArray(offered)) throw new AppError('SALESFORCE_ERROR', englishMessage('noApiVersionList'));
      apiVersion = chooseApiVersion(offered);
      this.versions.set(connectionId, apiVersion);
    }
    return { conn: await this.sessions.open(connectionId, apiVersion), apiVersion };
  }

  async globals(conn: Connection): Promise<GlobalObject[]> {
    const answer = await this.call(() => salesforceGet<{ sobjects: GlobalObject[] }>(conn, '/sobjects'));
    return answer.sobjects ?? [];
  }

  async describe(conn: Connection, objectName: string): Promise<ObjectDescribe> {
    return this.call(() => salesforceGet<ObjectDescribe>(conn, `/sobjects/${encodeURIComponent(objectName)}/describe`));
  }

  /**
   * The org's corporate currency for single-currency orgs (no CurrencyIsoCode on records), read from
   * Organization.DefaultCurrencyIsoCode. null when the org does not say (the caller falls back to USD
   * and warns).
   */
  async corporateCurrency(conn: Connection): Promise<string | null> {
    try {
      const answer = await salesforceGet<{ records?: { DefaultCurrencyIsoCode?: unknown }[] }>(
        conn,
        `/query?q=${encodeURIComponent('SELECT DefaultCurrencyIsoCode FROM Organization')}`,
      );
      const code = answer.records?.[0]?.DefaultCurrencyIsoCode;
      return typeof code === 'string' && /^[A-Z]{3}$/.test(code) ? code : null;
    } catch {
      return null;
    }
  }

  forget(connectionId: string): void {
    this.versions.delete(connectionId);
  }

  /** Transient failures are retried like query pages; everything else becomes a typed AppError. */
  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await withRetries(request, this.retry);
    } catch (error) {
      throw toAppError(error);
    }
  }
}
