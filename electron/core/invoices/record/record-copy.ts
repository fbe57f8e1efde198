import { createHash } from 'node:crypto';
import { open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger, SecretBox } from '../../ports';
import { makePrivateFolder, removeStrayTemps } from '../cache/atomic-file';
import { cancelled } from '../sync/sync-faults';
import { PreviousCopyUnreadable, RecordBuild, TooManyChanges, type RecordWriteTuning } from './record-build';
import type { Cell, FetchedRecord, LineCells, RecordSink } from './record-fetch';
import { decodeChunk, decodeFieldChunk, decodeHead, decodeLineChunk, RECORD_FORMAT_COMBINED, type LineEntry, type RecordEntry, type RecordHead } from './record-file';
import { FileOutput, MemoryOutput } from './record-output';
import type { RecordPlan } from './record-plan';

type Read = (offset: number, length: number) => Promise<Buffer>;

/**
 * Where an invoice's values are: its field chunk and its line chunks, in the head's order (format 1: one chunk, under
 * `fields`); most invoices' lines are in one chunk (a number), some in several (in order).
 */
interface Index {
  fields: Map<string, number>;
  lines: Map<string, number | number[]>;
}

interface Loaded {
  head: RecordHead;
  read: Read;
  /** Built when an invoice is first read from this copy (a phase needs the head only). */
  index?: Index;
}

function indexOf(loaded: Loaded): Index {
  if (loaded.index) return loaded.index;
  const index: Index = { fields: new Map(), lines: new Map() };
  loaded.head.chunks.forEach((chunk, at) => {
    for (const id of chunk.ids) {
      if (chunk.kind !== 'lines') {
        index.fields.set(id, at);
        continue;
      }
      const before = index.lines.get(id);
      if (before === undefined) index.lines.set(id, at);
      else if (typeof before === 'number') index.lines.set(id, [before, at]);
      else before.push(at);
    }
  });
  loaded.index = index;
  return index;
}

/** An invoice's lines from its line chunks in order: a line keeps its first place and its last values; a marker alone shows nothing. */
function foldLines(id: string, chunks: LineEntry[][]): LineCells[] {
  const lines = new Map<string, LineCells | null>();
  for (const entries of chunks) {
    for (const [invoice, line] of entries) {
      if (invoice !== id) continue;
      if (line.length > 1) lines.set(line[0], line);
      else if (!lines.has(line[0])) lines.set(line[0], null);
    }
  }
  return [...lines.values()].filter((line): line is LineCells => line !== null);
}

/** What binds a record copy to its connection (its head's `connection`, and its file name). */
const bindingOf = (connectionId: string) => createHash('sha256').update(connectionId).digest('hex').slice(0, 32);

/** One phase's writing: its plan, the previous copy it brings up to date, its fetch, and when it must stop. */
export interface RecordWrite {
  plan: RecordPlan;
  /** The previous copy (an incremental phase), or null (a full one). */
  previous: Loaded | null;
  /** The fetch, given the sink its pages go to as they come. */
  fetch: (sink: RecordSink) => Promise<FetchedRecord>;
  /** The fetch is over; the copy is being completed (progress 'saving'). */
  saving: () => void;
  signal: AbortSignal;
  /** When the phase ends (ISO instant): what `keptAt` says offline. */
  syncedAt: () => string;
}

/** The offline copy the records go beside (cache/invoice-repository.ts): whether it may be on disk, and its writes' order. */
export interface BesideCopy {
  persistable(): boolean;
  /** Settles once every write of the connection's copy queued so far (an incremental's journal record among them) has ended. */
  written(connectionId: string): Promise<void>;
}

/**
 * The whole record of every invoice per connection (see ../README.md): on disk beside the offline copy when it may be
 * written (sealed, owner-only, atomically), otherwise in memory for the session. Only the head is held in memory.
 */
export class RecordCopies {
  private readonly loaded = new Map<string, Loaded | null>();
  private readonly memory = new Map<string, Buffer>();
  private readonly folder: string;

  constructor(
    dataDir: string,
    private readonly box: SecretBox,
    private readonly copy: BesideCopy,
    private readonly logger: Logger,
    private readonly tuning: RecordWriteTuning,
  ) {
    this.folder = join(dataDir, 'invoices');
  }

  private pathFor(connectionId: string): string {
    return join(this.folder, `${bindingOf(connectionId)}.record`);
  }

  private reader(connectionId: string): { read: Read; size: () => Promise<number> } {
    const bytes = this.memory.get(connectionId);
    if (bytes) return { read: async (offset, length) => bytes.subarray(offset, offset + length), size: async () => bytes.length };
    const path = this.pathFor(connectionId);
    return {
      read: async (offset, length) => {
        const handle = await open(path, 'r');
        try {
          const out = Buffer.alloc(length);
          const { bytesRead } = await handle.read(out, 0, length, offset);
          if (bytesRead !== length) throw new Error('record copy cut short');
          return out;
        } finally {
          await handle.close();
        }
      },
      size: async () => (await stat(path)).size,
    };
  }

  /** The copy's head, read on first use; none, or unreadable (deleted, logged: the next phase writes it whole). */
  async head(connectionId: string): Promise<Loaded | null> {
    if (this.loaded.has(connectionId)) return this.loaded.get(connectionId) ?? null;
    const { read, size } = this.reader(connectionId);
    let loaded: Loaded | null = null;
    try {
      const head = await decodeHead(this.box, read, await size());
      // Another connection's copy is not this connection's: dropped, fetched again. A copy written before copies were
      // bound (no `connection`) still opens; the next phase (full or incremental) writes its head bound.
      if (head.connection !== undefined && head.connection !== bindingOf(connectionId)) throw new Error('record copy of another connection');
      loaded = { head, read };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.logger.warn('The offline copy of the invoices\u2019 records is unreadable; it is fetched again', { code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
        await rm(this.pathFor(connectionId), { force: true }).catch(() => undefined);
      }
    }
    this.loaded.set(connectionId, loaded);
    return loaded;
  }

  /** One invoice's fields and lines as last fetched, with the head that explains them; null when the copy has none. */
  async get(connectionId: string, id: string): Promise<{ head: RecordHead; entry: RecordEntry } | null> {
    const loaded = await this.head(connectionId);
    if (!loaded) return null;
    const { head, read } = loaded;
    const index = indexOf(loaded);
    const fieldsAt = index.fields.get(id);
    const inLines = index.lines.get(id);
    const linesAt = inLines === undefined ? [] : typeof inLines === 'number' ? [inLines] : inLines;
    if (fieldsAt === undefined && linesAt.length === 0) return null;
    const chunk = (at: number) => read(head.chunks[at]!.offset, head.chunks[at]!.length);
    try {
      if (head.format === RECORD_FORMAT_COMBINED) {
        const entry = (await decodeChunk(this.box, await chunk(fieldsAt!))).find(([entryId]) => entryId === id);
        return entry ? { head, entry } : null;
      }
      let fields: Cell[] | null = null;
      // The last entry of the invoice in its chunk (an incremental phase may have fetched it twice).
      if (fieldsAt !== undefined) for (const [entryId, cells] of await decodeFieldChunk(this.box, await chunk(fieldsAt))) if (entryId === id) fields = cells;
      const lines = foldLines(id, await Promise.all(linesAt.map(async (at) => decodeLineChunk(this.box, await chunk(at)))));
      return { head, entry: [id, fields, lines] };
    } catch (error) {
      // A phase put a new copy in place while this read the old one's places: read the new one.
      if (this.loaded.get(connectionId) !== loaded) return this.get(connectionId, id);
      this.logger.warn('A chunk of the invoices\u2019 records is unreadable; the copy is fetched again', { code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
      await this.drop(connectionId);
      return null;
    }
  }

  /**
   * Runs a phase's fetch into a new copy written as the pages come (record-build.ts) and puts it in place whole: on
   * disk an atomic replace (temp file, fsync, rename); a failure, a cancel or a crash before the rename leaves the
   * previous copy byte for byte (the temp file is deleted, or removed by the next phase). A previous copy found damaged
   * on the way is dropped (the next phase is full).
   */
  async write(connectionId: string, job: RecordWrite): Promise<void> {
    const onDisk = this.copy.persistable();
    if (onDisk) {
      await makePrivateFolder(this.folder);
      await removeStrayTemps(this.pathFor(connectionId));
    }
    const output = onDisk ? await FileOutput.create(this.pathFor(connectionId)) : new MemoryOutput();
    try {
      const build = new RecordBuild(this.box, output, job.previous !== null, this.tuning);
      await build.start();
      // The fetch stopped because more changed than an incremental phase may track: said as such (the phase runs full).
      const fetched = await job.fetch(build).catch((error: unknown) => Promise.reject(build.tooManyChanges() ? new TooManyChanges() : error));
      if (job.signal.aborted) throw cancelled();
      job.saving();
      const { plan } = job;
      const head = await build.finish(job.previous, {
        syncedAt: job.syncedAt(),
        fields: { object: plan.fields.object, signature: plan.fields.signature, watermark: fetched.fieldsWatermark, spanMs: fetched.fieldsSpanMs, select: plan.fields.select, describe: plan.fields.describe, named: plan.fields.named },
        lines: plan.lines ? { object: plan.lines.object, signature: plan.lines.signature, watermark: fetched.linesWatermark, spanMs: fetched.linesSpanMs } : null,
        warnings: plan.warnings,
        connection: bindingOf(connectionId),
      });
      if (job.signal.aborted) throw cancelled();
      const place = () => this.loaded.set(connectionId, { head, read: this.reader(connectionId).read });
      if (output instanceof FileOutput) {
        // In place only after the writes queued for the offline copy: an incremental's journal record is written after
        // its answer (invoice-repository.ts `applyIncremental`), and a kill must not leave whole records newer than the
        // list's rows (review30). A record that could not be written is not waited for again: the list warns that the
        // changes were not saved, and the next sync writes the whole copy.
        await this.copy.written(connectionId);
        if (job.signal.aborted) throw cancelled();
      }
      if (output instanceof FileOutput && this.copy.persistable()) {
        // The new head is known the moment the file is renamed: an invoice read offline meanwhile (while the folder is
        // fsynced) must not read the old head's places in the new file, fail, and drop the copy just written.
        await output.commit(() => {
          this.memory.delete(connectionId);
          place();
        });
      } else {
        // Nothing may be written to disk (now): this session keeps it, and no copy of an earlier session stays behind.
        const bytes = output instanceof MemoryOutput ? output.bytes() : await output.read(0, output.length());
        await output.discard();
        this.memory.set(connectionId, bytes);
        place();
        await rm(this.pathFor(connectionId), { force: true });
      }
    } catch (error) {
      await output.discard();
      if (error instanceof PreviousCopyUnreadable) {
        this.logger.warn('A chunk of the invoices\u2019 records is unreadable; the copy is fetched again', { code: (error.cause as NodeJS.ErrnoException | undefined)?.code ?? 'unknown' });
        await this.drop(connectionId);
      }
      throw error;
    }
  }

  /** The copy goes (unreadable): the next phase fetches every record again. */
  async drop(connectionId: string): Promise<void> {
    this.loaded.set(connectionId, null);
    this.memory.delete(connectionId);
    await rm(this.pathFor(connectionId), { force: true });
  }

  async forget(connectionId: string): Promise<void> {
    this.loaded.delete(connectionId);
    this.memory.delete(connectionId);
    await rm(this.pathFor(connectionId), { force: true });
  }
}
