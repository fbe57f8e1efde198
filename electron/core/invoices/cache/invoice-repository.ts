import { englishMessage } from '../../../contract/i18n/spoken-messages';
import type { Logger, SecretBox } from '../../ports';
import type { SettingsService } from '../../settings/settings-service';
import { InvoiceCacheStore } from './cache-store';
import type { BaseWriter } from './base-writer';
import { FirstScreens } from './first-screens';
import type { FirstScreen } from './first-screen-file';
import type { Delta, Snapshot } from '../snapshot/snapshot';
import { warmIdIndex } from '../snapshot/row-table';
import { warmRelatedIndexes } from '../related/related-copy';

const NO_SECURE_STORAGE = englishMessage('noSecureStorage');
const NOT_SAVED = englishMessage('offlineCopyNotSaved');

/**
 * Each connection's current snapshot: in memory once loaded, and on disk as the encrypted offline
 * copy. The disk copy is written only when the secret box offers real encryption (or the user
 * accepted weaker storage); otherwise the invoices live for this session only, and the user is told.
 * Writes to one connection's file run one after the other (a compaction never races a sync).
 */
export class InvoiceRepository {
  private readonly loaded = new Map<string, Snapshot | null>();
  /** Reads in flight: the start-up warm-up, the window's first list and a launch sync share one (~0.4 s at 100k). */
  private readonly reading = new Map<string, Promise<Snapshot | null>>();
  private readonly cacheWarnings = new Map<string, string>();
  private readonly writes = new Map<string, Promise<void>>();
  /** The read indexes of each connection's copy being made in the background (`warmReads`), settled either way. */
  private readonly warming = new Map<string, Promise<void>>();
  /** The core is closing (`stopWarming`): no read index is made in the background any more (a quit does not wait for it). */
  private closing = false;
  /** Syncs' answers on their way (`afterAnswer`), settled either way. */
  private readonly answers = new Map<string, Promise<void>>();
  private readonly store: InvoiceCacheStore;
  private readonly firstScreens: FirstScreens;

  /**
   * `screenOf`: a snapshot's first screen (the top of `invoices.list`), written beside the copy after each write of it.
   * `readsOf`: makes the indexes a snapshot's first reads need, in slices in the background while `wanted()`; resolves when
   * done or abandoned: `'screen'` those its first screen needs (the ledger's: read/applied-ledger.ts), made before it is written
   * after a sync; `'rest'` all of them (the customer view's too: read/customer-ledger.ts), after it (`warmReads`).
   */
  constructor(
    dataDir: string,
    private readonly secretBox: SecretBox,
    private readonly settings: SettingsService,
    private readonly logger: Logger,
    private readonly screenOf: ((snapshot: Snapshot) => FirstScreen) | null = null,
    private readonly readsOf: ((snapshot: Snapshot, wanted: () => boolean, part: 'screen' | 'rest') => Promise<void>) | null = null,
  ) {
    this.store = new InvoiceCacheStore(dataDir, secretBox, logger);
    this.firstScreens = new FirstScreens(this.store, secretBox, logger);
    settings.onChange((next, previous) => {
      if (previous.allowWeakStorage && !next.allowWeakStorage && !this.persistable()) return this.dropWeakCopies();
    });
  }

  /**
   * Weaker storage was switched off: every offline copy on disk was sealed with the weak key, so all of them
   * go at once (after any write in progress); the copies in memory stay until the app quits.
   */
  private async dropWeakCopies(): Promise<void> {
    await this.idle();
    for (const connectionId of this.loaded.keys()) this.cacheWarnings.set(connectionId, NO_SECURE_STORAGE);
    try {
      await this.store.removeAll();
    } catch (error) {
      this.logger.error('Could not delete the weakly stored offline copies', { code: (error as { code?: string }).code ?? 'unknown' });
    }
  }

  /** Whether the snapshot is in memory (read, or made by a sync): `current` answers at once. */
  isLoaded(connectionId: string): boolean {
    return this.loaded.has(connectionId);
  }

  /**
   * The first screen of the copy on disk, bound to it as it is now (first-screens.ts): what the window's first rows
   * can come from while the whole copy is still being read. null when there is none that fits, or none may be kept.
   */
  async firstScreen(connectionId: string): Promise<FirstScreen | null> {
    if (!this.screenOf || !this.persistable()) return null;
    return this.firstScreens.read(connectionId);
  }

  /** The snapshot, read from disk on first use; one read per connection at a time (a failed read is not kept). */
  current(connectionId: string): Promise<Snapshot | null> {
    if (this.loaded.has(connectionId)) return Promise.resolve(this.loaded.get(connectionId) ?? null);
    let pending = this.reading.get(connectionId);
    if (!pending) {
      pending = this.read(connectionId).finally(() => this.reading.delete(connectionId));
      this.reading.set(connectionId, pending);
    }
    return pending;
  }

  private async read(connectionId: string): Promise<Snapshot | null> {
    const read = await this.store.read(connectionId);
    if (read.warning) this.cacheWarnings.set(connectionId, read.warning);
    if (read.snapshot && !this.persistable()) {
      // A copy on disk while none may be kept (weaker storage withdrawn, e.g. by a machine policy, after it was
      // written with the weak key): this session keeps it in memory, the disk loses it now, as when switched off.
      await this.dropFromDisk(connectionId);
    }
    if (!this.loaded.has(connectionId)) this.loaded.set(connectionId, read.snapshot);
    return this.loaded.get(connectionId) ?? null;
  }

  /**
   * A new base file for a full sync, written while its pages arrive (null when nothing may be
   * written to disk). The sync either passes it to `replace` or aborts it.
   */
  beginFullWrite(connectionId: string): BaseWriter | null {
    return this.persistable() ? this.store.beginBase(connectionId) : null;
  }

  /** Replaces the snapshot after a full sync: on disk first (a new file, renamed over the old one), then in memory. */
  async replace(connectionId: string, snapshot: Snapshot, written: BaseWriter | null = null): Promise<void> {
    if (!this.persistable()) {
      await written?.abort();
      return this.keepInMemoryOnly(connectionId, snapshot);
    }
    await this.serially(connectionId, () => (written ? written.commit(snapshot) : this.store.write(connectionId, snapshot)));
    this.cacheWarnings.delete(connectionId);
    this.loaded.set(connectionId, snapshot);
    // The index of its ids (what the next incremental sync needs) comes after the first screen, once the answer has gone.
    this.saveFirstScreen(connectionId, snapshot, () => this.warmIndexes(connectionId, snapshot));
  }

  /**
   * Records an incremental sync: in memory at once, and its changes appended to the file as one journal record (the
   * whole snapshot written instead when there is no file to append to) once the sync has answered, the caller not
   * waiting for the disk. When the journal has grown large, a new base is written afterwards, in the background.
   *
   * The sync's answer no longer waits for the record to be encoded, written and flushed (5–40 ms of an incremental's wall
   * at 100k under load: BENCHMARKS, session 30). It is safe because the record goes in this connection's write order:
   * every later write of the file (the next sync's record, a full sync's rename, a compaction, a disconnect) and the
   * core's dispose wait for it. A process that dies before the record is on disk leaves the previous copy, whose
   * watermark fetches the same changes again (a torn record is cut off when read: the previous copy or the complete new
   * one, never a mix). A write that fails is no longer the sync's error (its invoices are shown): the list warns that
   * they could not be saved for offline use, and the store's next write of this copy is a whole one (cache-store.ts
   * `append` forgets the file's end when an append fails), so no later record lands on a file that lacks this one.
   */
  async applyIncremental(connectionId: string, snapshot: Snapshot, delta: Delta): Promise<void> {
    if (!this.persistable()) return this.keepInMemoryOnly(connectionId, snapshot);
    this.cacheWarnings.delete(connectionId);
    this.loaded.set(connectionId, snapshot);
    const answer = this.answers.get(connectionId);
    void this.serially(connectionId, async () => {
      // Once the answer has gone: the answer's own turns (the documents' check, a folder read) do not wait behind the
      // record's encoding and its writes (measured: 8–46 ms after "done" when the record was written at once).
      await afterTheAnswer(answer);
      if (!(await this.store.append(connectionId, snapshot, delta))) await this.store.write(connectionId, snapshot);
      if (this.store.needsCompaction(connectionId)) this.compact(connectionId);
    }).catch((error: unknown) => {
      // Not the sync's failure: it has answered. Said on the list while this copy is the one in memory.
      if (this.loaded.get(connectionId) === snapshot) this.cacheWarnings.set(connectionId, NOT_SAVED);
      this.logger.warn('Could not save an incremental sync to the offline copy', { code: (error as { code?: string }).code ?? 'unknown' });
    });
    this.saveFirstScreen(connectionId, snapshot, () => this.warmIndexes(connectionId, snapshot));
  }

  /** A new base for the copy in memory, in the background, in the connection's write order. */
  private compact(connectionId: string): void {
    void this.serially(connectionId, async () => {
      const latest = this.loaded.get(connectionId);
      // Still the file this snapshot is in (no full write or disconnect came first)?
      if (latest && this.store.needsCompaction(connectionId)) {
        await this.store.write(connectionId, latest);
        // The new base has a new header: the first screen is made again for it.
        await this.writeFirstScreen(connectionId, latest);
      }
    }).catch((error: unknown) => {
      // The journal is still valid: the copy is complete, only slower to open.
      this.logger.warn('Could not compact the invoice cache', { code: (error as { code?: string }).code ?? 'unknown' });
    });
  }

  warnings(connectionId: string): string[] {
    const warning = this.cacheWarnings.get(connectionId);
    return warning ? [warning] : [];
  }

  async forget(connectionId: string): Promise<void> {
    this.loaded.delete(connectionId);
    this.cacheWarnings.delete(connectionId);
    await this.writes.get(connectionId)?.catch(() => undefined);
    await this.store.remove(connectionId);
  }

  /** Resolves when no write (a background compaction included) and no warm-up of the read indexes (`warmReads`) is running. */
  async idle(): Promise<void> {
    // Again while a write queued another (an incremental's record queues the compaction it makes due, a write the warm-up).
    const pending = () => [...this.writes.values(), ...this.warming.values()];
    for (let now = pending(); now.length > 0; now = pending()) await Promise.allSettled(now);
  }

  /**
   * Makes the read indexes of the connection's copy in memory (`readsOf`) in the background, in slices: after a sync's
   * answer and its first screen, and after the start-up load (invoices-module.ts). Given up when a newer copy (or a
   * disconnect) replaces this one; a call that comes mid-way finishes the build itself (read/sliced-build.ts).
   */
  warmReads(connectionId: string): void {
    const snapshot = this.loaded.get(connectionId);
    if (!snapshot || !this.readsOf) return;
    const warming: Promise<void> = this.readsOf(snapshot, this.wanted(connectionId, snapshot), 'rest').then(() => {
      if (this.warming.get(connectionId) === warming) this.warming.delete(connectionId);
    });
    this.warming.set(connectionId, warming);
  }

  /** Gives up every warm-up of the read indexes, running or to come (the core is closing: `dispose` then waits on `idle()`). */
  stopWarming(): void {
    this.closing = true;
  }

  /** Whether a warm-up of this snapshot's read indexes is still worth its work: the connection's copy, the core not closing. */
  private wanted(connectionId: string, snapshot: Snapshot): () => boolean {
    return () => !this.closing && this.loaded.get(connectionId) === snapshot;
  }

  /** The indexes by id the next incremental sync needs (the invoices', each related object's kept as columns), soon; then the read indexes. */
  private warmIndexes(connectionId: string, snapshot: Snapshot): void {
    warmIdIndex(snapshot);
    warmRelatedIndexes(snapshot.related);
    if (this.loaded.get(connectionId) === snapshot) this.warmReads(connectionId);
  }

  /**
   * Settles (never rejects) once every write of the connection's copy queued so far has ended — an incremental's journal
   * record among them, which is written after the sync's answer. The whole-record phase puts its file in place after
   * this (record-copy.ts), so that its records are never newer on disk than the list's rows.
   */
  written(connectionId: string): Promise<void> {
    return this.writes.get(connectionId) ?? Promise.resolve();
  }

  pathFor(connectionId: string): string {
    return this.store.pathFor(connectionId);
  }

  /**
   * A sync's answer on its way (`invoices.sync`): the first screen of the copy it writes is made once the answer has
   * gone. Ordering the rows for it is ~100 ms of CPU at 100k (measured: the sync answered that much later), and the list
   * the window asks for next shares that ordering.
   */
  afterAnswer(connectionId: string, answer: Promise<unknown>): void {
    const settled = answer.then(
      () => undefined,
      () => undefined,
    );
    this.answers.set(connectionId, settled);
    void settled.then(() => {
      if (this.answers.get(connectionId) === settled) this.answers.delete(connectionId);
    });
  }

  /** The connection's sync answer on its way (`afterAnswer`), settled either way; settled at once when there is none. */
  answered(connectionId: string): Promise<void> {
    return this.answers.get(connectionId) ?? Promise.resolve();
  }

  /**
   * After the copy was written: its first screen, in the background after the write (the sync does not wait; the
   * ordering it needs is shared with the window's next list). Ordered with the connection's writes.
   */
  private saveFirstScreen(connectionId: string, snapshot: Snapshot, then?: () => void): void {
    const answer = this.answers.get(connectionId);
    if (!this.screenOf) {
      if (then) void (answer ?? Promise.resolve()).then(then);
      return;
    }
    void this.serially(connectionId, async () => {
      await afterTheAnswer(answer);
      // What the first screen counts with (every invoice's payment figures: the ledger index, 0.3–0.7 s at 100k), made in
      // slices first, so that the screen's own task does not build it in one go on the core's thread (BENCHMARKS session 31).
      await this.readsOf?.(snapshot, this.wanted(connectionId, snapshot), 'screen');
      await this.writeFirstScreen(connectionId, snapshot);
      if (then && this.loaded.get(connectionId) === snapshot) then();
    });
  }

  private async writeFirstScreen(connectionId: string, snapshot: Snapshot): Promise<void> {
    // A newer snapshot (or a disconnect) came first: it writes its own, or there is no copy to go beside.
    if (!this.screenOf || this.loaded.get(connectionId) !== snapshot) return;
    try {
      await this.firstScreens.write(connectionId, this.screenOf(snapshot));
    } catch (error) {
      // The copy is complete; without its first screen the next start reads the whole copy before the first rows.
      this.logger.warn('Could not write the first screen beside the offline copy', { code: (error as { code?: string }).code ?? 'unknown' });
    }
  }

  /** No copy may be kept on disk: remove it, and say why the invoices will not survive a restart. */
  private async dropFromDisk(connectionId: string): Promise<void> {
    await this.serially(connectionId, () => this.store.remove(connectionId));
    this.cacheWarnings.set(connectionId, NO_SECURE_STORAGE);
  }

  private async keepInMemoryOnly(connectionId: string, snapshot: Snapshot): Promise<void> {
    await this.dropFromDisk(connectionId);
    this.loaded.set(connectionId, snapshot);
  }

  private serially(connectionId: string, write: () => Promise<void>): Promise<void> {
    const previous = this.writes.get(connectionId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(write);
    const settled = next.catch(() => undefined);
    this.writes.set(connectionId, settled);
    void settled.then(() => {
      if (this.writes.get(connectionId) === settled) this.writes.delete(connectionId);
    });
    return next;
  }

  /** Whether the offline copy may be written to disk (real encryption, or weaker storage accepted). */
  persistable(): boolean {
    const level = this.secretBox.protection();
    return level === 'os' || (level === 'basic_text' && this.settings.get().allowWeakStorage);
  }
}

/** Once a sync's answer (if any) has settled and its own promise turns (the channel's reply) have come first. */
async function afterTheAnswer(answer: Promise<void> | undefined): Promise<void> {
  if (!answer) return;
  await answer;
  await new Promise<void>((resolve) => setImmediate(resolve));
}
