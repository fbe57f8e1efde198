import type { Logger } from '../ports';
import type { SealedStore } from './sealed-store';

/** A sign-out Salesforce has not heard of yet: the refresh token to revoke and where. */
export interface PendingRevoke {
  connectionId: string;
  loginUrl: string;
  clientId: string;
  refreshToken: string;
}

const KEY = 'secrets.pendingRevokes';

/**
 * Sign-outs that could not reach Salesforce (offline, Salesforce down). The local sign-in is gone at once;
 * the refresh token waits here, sealed like every token (memory only when the vault is not persistent), until
 * the revoke goes through: on the next start and whenever the computer is back online.
 */
export class PendingRevokes {
  private items: PendingRevoke[] | null = null;

  constructor(
    private readonly sealed: SealedStore,
    private readonly persistent: () => boolean,
    private readonly logger: Logger,
  ) {}

  async all(): Promise<PendingRevoke[]> {
    return [...(await this.load())];
  }

  async add(item: PendingRevoke): Promise<void> {
    const items = await this.load();
    items.push({ ...item });
    await this.save();
  }

  async remove(refreshToken: string): Promise<void> {
    const items = await this.load();
    this.items = items.filter((item) => item.refreshToken !== refreshToken);
    await this.save();
  }

  /** Whether a sign-out of this connection is still waiting for Salesforce. */
  async has(connectionId: string): Promise<boolean> {
    return (await this.load()).some((item) => item.connectionId === connectionId);
  }

  /** After the storage setting changed: write what is in memory, or take it off the disk. */
  async applyStoragePolicy(): Promise<void> {
    if (this.items) await this.save();
  }

  private async load(): Promise<PendingRevoke[]> {
    if (this.items) return this.items;
    const read = this.sealed.has(KEY) ? await this.sealed.read(KEY, isPendingList) : ({ kind: 'missing' } as const);
    if (read.kind === 'unreadable') this.logger.warn('Pending sign-outs could not be opened; they were deleted');
    this.items = read.kind === 'found' ? read.value : [];
    // Read while nothing may be kept on disk (weaker storage withdrawn): kept in memory, taken off the disk.
    if (read.kind === 'found' && !this.persistent()) await this.save();
    return this.items;
  }

  private async save(): Promise<void> {
    const items = this.items ?? [];
    try {
      if (items.length > 0 && this.persistent()) await this.sealed.write(KEY, items);
      else this.sealed.remove(KEY);
    } catch (error) {
      // Kept in memory: retried while the app runs.
      this.logger.warn('Could not save the pending sign-outs', { error: error instanceof Error ? error.name : 'unknown' });
    }
  }
}

function isPendingList(value: unknown): value is PendingRevoke[] {
  return (
    Array.isArray(value) &&
    value.every(
      (item) =>
        item !== null &&
        typeof item === 'object' &&
        ['connectionId', 'loginUrl', 'clientId', 'refreshToken'].every((key) => typeof (item as Record<string, unknown>)[key] === 'string'),
    )
  );
}
