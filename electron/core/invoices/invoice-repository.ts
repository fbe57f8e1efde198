import type { Logger, SecretBox } from '../ports';
import type { SettingsService } from '../settings/settings-service';
import { InvoiceCacheStore } from './cache-store';
import type { Snapshot } from './snapshot';

/**
 * Each connection's current snapshot: in memory once loaded, and on disk as the encrypted offline
 * copy. The disk copy is written only when the secret box offers real encryption (or the user
 * accepted weaker storage); otherwise the invoices live for this session only, and the user is told.
 */
export class InvoiceRepository {
  private readonly loaded = new Map<string, Snapshot | null>();
  private readonly cacheWarnings = new Map<string, string>();
  private readonly store: InvoiceCacheStore;

  constructor(
    dataDir: string,
    private readonly secretBox: SecretBox,
    private readonly settings: SettingsService,
    logger: Logger,
  ) {
    this.store = new InvoiceCacheStore(dataDir, secretBox, logger);
  }

  async current(connectionId: string): Promise<Snapshot | null> {
    if (!this.loaded.has(connectionId)) {
      const read = await this.store.read(connectionId);
      if (read.warning) this.cacheWarnings.set(connectionId, read.warning);
      if (!this.loaded.has(connectionId)) this.loaded.set(connectionId, read.snapshot);
    }
    return this.loaded.get(connectionId) ?? null;
  }

  /** Replaces the snapshot: on disk first (atomically), then in memory. */
  async replace(connectionId: string, snapshot: Snapshot): Promise<void> {
    if (this.persistable()) {
      await this.store.write(connectionId, snapshot);
      this.cacheWarnings.delete(connectionId);
    } else {
      await this.store.remove(connectionId);
      this.cacheWarnings.set(
        connectionId,
        'This computer offers no secure storage, so your invoices are kept only until Budgetly closes (allow weaker storage in Settings to keep an offline copy).',
      );
    }
    this.loaded.set(connectionId, snapshot);
  }

  warnings(connectionId: string): string[] {
    const warning = this.cacheWarnings.get(connectionId);
    return warning ? [warning] : [];
  }

  async forget(connectionId: string): Promise<void> {
    this.loaded.delete(connectionId);
    this.cacheWarnings.delete(connectionId);
    await this.store.remove(connectionId);
  }

  pathFor(connectionId: string): string {
    return this.store.pathFor(connectionId);
  }

  private persistable(): boolean {
    const level = this.secretBox.protection();
    return level === 'os' || (level === 'basic_text' && this.settings.get().allowWeakStorage);
  }
}
