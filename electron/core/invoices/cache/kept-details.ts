import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';
import type { InvoiceDetail } from '../../../contract';
import type { Logger, SecretBox } from '../../ports';
import { makePrivateFolder, removeStrayTemps, writeBytesAtomically } from './atomic-file';

// On libuv's thread pool, as the offline copy's records are: the main process keeps answering IPC meanwhile.
const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);

/** Invoices whose whole record is kept per connection (the most recently opened). Each keep rewrites the blob: ~1 MB of JSON at 500 (~30 ms to stringify and deflate on a loaded 2-core machine; 2,000 took ~175 ms, too long on the main process). */
export const KEPT_DETAILS_MAX = 500;

interface Kept {
  /** When Salesforce gave it (ISO instant). */
  keptAt: string;
  detail: InvoiceDetail;
}

/**
 * The whole record of each invoice opened online — every readable field and its lines, as `invoices.get` answered —
 * kept beside the offline copy (same folder, sealed by the secret box, owner-only, written atomically), so the
 * detail panel shows the same offline. Written only when the offline copy itself may be written (`persistable`);
 * otherwise kept in memory for the session. Fetched per opened invoice, never during a sync: syncs cost the same.
 *
 * Written after the answer, not before it: the detail panel waited for the whole blob's rewrite (stringify, deflate,
 * seal, write and two fsyncs; review25's driver at 500 kept records: BENCHMARKS.md, session 25). A keep is in memory at
 * once (the panel offline reads it from there); the file follows, one write at a time per connection, and keeps made
 * while a write waits are taken by that write. A crash before it loses only what was kept since the last write, never
 * the file (temp + fsync + rename: the previous file stays whole, its stray temp is removed at the next start).
 */
export class KeptDetails {
  private readonly loaded = new Map<string, Promise<Map<string, Kept>>>();
  /** Per connection, the last write asked for (waiting or running); each follows the one before. */
  private readonly writes = new Map<string, Promise<void>>();
  /** Connections with a write asked for and not yet begun: it will take every keep made until it begins. */
  private readonly waiting = new Set<string>();
  private readonly folder: string;

  constructor(
    dataDir: string,
    private readonly secretBox: SecretBox,
    private readonly persistable: () => boolean,
    private readonly logger: Logger,
  ) {
    this.folder = join(dataDir, 'invoices');
  }

  private pathFor(connectionId: string): string {
    return join(this.folder, `${createHash('sha256').update(connectionId).digest('hex').slice(0, 32)}.details`);
  }

  /** One read of the file per connection: two opens at once share it (each read made its own map: one's keep was lost). */
  private load(connectionId: string): Promise<Map<string, Kept>> {
    let kept = this.loaded.get(connectionId);
    if (!kept) {
      kept = this.read(connectionId);
      this.loaded.set(connectionId, kept);
    }
    return kept;
  }

  private async read(connectionId: string): Promise<Map<string, Kept>> {
    const kept = new Map<string, Kept>();
    try {
      // A write killed half-way (the app quit or crashed) left its temp file beside the whole previous file.
      await removeStrayTemps(this.pathFor(connectionId));
      const sealed = await readFile(this.pathFor(connectionId));
      const parsed = JSON.parse((await inflate(await this.secretBox.open(sealed))).toString('utf8')) as { details?: [string, Kept][] };
      for (const [id, entry] of parsed.details ?? []) if (entry?.detail?.invoice && typeof entry.keptAt === 'string') kept.set(id, entry);
    } catch (error) {
      // None yet, or unreadable (other machine, damaged): nothing is kept; the next opened invoice starts afresh.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.logger.warn('Kept invoice details unreadable; starting afresh', { code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
    }
    return kept;
  }

  async get(connectionId: string, id: string): Promise<Kept | null> {
    return (await this.load(connectionId)).get(id) ?? null;
  }

  /** Keeps (or replaces) one invoice's record; the oldest go beyond KEPT_DETAILS_MAX. The file is written after (`idle`). */
  async keep(connectionId: string, detail: InvoiceDetail, keptAt: string): Promise<void> {
    const kept = await this.load(connectionId);
    kept.delete(detail.invoice.id);
    kept.set(detail.invoice.id, { keptAt, detail });
    while (kept.size > KEPT_DETAILS_MAX) kept.delete(kept.keys().next().value!);
    if (this.persistable()) this.writeLater(connectionId);
  }

  private writeLater(connectionId: string): void {
    if (this.waiting.has(connectionId)) return;
    this.waiting.add(connectionId);
    const write = (this.writes.get(connectionId) ?? Promise.resolve())
      // After the answer has gone: the handler's remaining steps run before the next turn of the event loop.
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => this.write(connectionId))
      .catch((error: unknown) => this.logger.warn('Could not keep the invoice details', { code: (error as NodeJS.ErrnoException).code ?? 'unknown' }));
    this.writes.set(connectionId, write);
  }

  private async write(connectionId: string): Promise<void> {
    const loaded = this.loaded.get(connectionId);
    // Forgotten meanwhile (signed out, connection removed): nothing is written back.
    if (!this.waiting.delete(connectionId) || !loaded) return;
    const kept = await loaded;
    const plain = await deflate(Buffer.from(JSON.stringify({ details: [...kept] }), 'utf8'));
    const sealed = await this.secretBox.seal(plain);
    await makePrivateFolder(this.folder);
    await writeBytesAtomically(this.pathFor(connectionId), sealed);
  }

  /** Once every keep asked for so far is on disk (or failed and was logged). */
  async idle(): Promise<void> {
    let pending: Promise<void>[];
    do {
      pending = [...this.writes.values()];
      await Promise.all(pending);
    } while ([...this.writes.values()].some((write) => !pending.includes(write)));
  }

  /**
   * The file and the records go once the write already running has finished: it comes next in the connection's queue of
   * writes. Dropping the map first let an invoice opened meanwhile re-read the file, remove the running write's temp
   * file (that write failed) and keep the forgotten records in memory (review25's low; kept-details.test.ts). A write
   * still waiting is dropped: nothing is written back.
   */
  forget(connectionId: string): Promise<void> {
    this.waiting.delete(connectionId);
    const forgotten = (this.writes.get(connectionId) ?? Promise.resolve()).then(async () => {
      try {
        await rm(this.pathFor(connectionId), { force: true });
      } finally {
        this.loaded.delete(connectionId);
        this.waiting.delete(connectionId);
      }
    });
    this.writes.set(connectionId, forgotten.catch(() => undefined));
    return forgotten;
  }
}
