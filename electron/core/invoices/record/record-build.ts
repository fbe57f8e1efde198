import type { SecretBox } from '../../ports';
import type { Cell, LineCells, RecordSink } from './record-fetch';
import {
  CHUNK_ENTRIES, decodeFieldChunk, decodeLineChunk, encodeFieldChunk, encodeHead, encodeLineChunk, RECORD_FORMAT, RECORD_MAGIC,
  type ChunkKind, type ChunkRef, type FieldEntry, type LineEntry, type RecordHead,
} from './record-file';
import type { RecordOutput } from './record-output';

/** How a phase writes: entries per chunk, and how many sealed-but-unwritten chunks it lets the fetch run ahead of. */
export interface RecordWriteTuning {
  chunkEntries: number;
  backlogChunks: number;
  /**
   * An incremental phase keeps the ids of what changed (invoices and lines) until it writes the copy: beyond this many
   * it stops (TooManyChanges) and a full phase runs instead, whose memory does not grow with the changes. Default 250,000.
   */
  maxChanges?: number;
}

const MAX_CHANGES = 250_000;

/**
 * A chunk holds up to 1,000 entries; the fetch runs at most 4 sealed chunks ahead of the disk; an incremental phase
 * tracks at most 250,000 changed ids (~20 MiB; a mass update of 1M invoices and 3M lines tracked them all: ~340 MiB).
 */
export const defaultWriteTuning: RecordWriteTuning = { chunkEntries: CHUNK_ENTRIES, backlogChunks: 4, maxChanges: MAX_CHANGES };

/** An incremental phase met more changes than it may keep track of (RecordWriteTuning.maxChanges): a full phase is cheaper. */
export class TooManyChanges extends Error {
  constructor() {
    // never-user-facing: the phase then runs full (record-phase.ts)
    super('too many changes for an incremental record phase');
  }
}

/** A chunk this phase wrote, with what pass 2 needs to know of it. */
interface Written {
  ref: ChunkRef;
  /** Restarts of its query before it was queued: a chunk of an earlier run of the query is void. */
  generation: number;
  /** Field chunks: its number (an invoice fetched twice counts in the later one). */
  number: number;
  /** Line chunks of an incremental phase: its lines' ids (a line deleted later in the phase leaves it). */
  lineIds: string[] | null;
}

/** The previous copy an incremental phase brings up to date. */
export interface PreviousCopy {
  head: RecordHead;
  read: (offset: number, length: number) => Promise<Buffer>;
}

/** The previous copy could not be read (a damaged chunk): it is dropped and the next phase fetches everything. */
export class PreviousCopyUnreadable extends Error {
  constructor(cause: unknown) {
    // never-user-facing: logged by the phase (only its code), which then says 'failed' in the status bar
    super('a chunk of the previous record copy is unreadable', { cause });
  }
}

/** A chunk of the previous copy that does not open (seal, shape): the copy is damaged. */
const opened = <T,>(decoding: Promise<T>): Promise<T> => decoding.catch((error: unknown) => Promise.reject(new PreviousCopyUnreadable(error)));

const distinct = (entries: LineEntry[]) => [...new Set(entries.map(([invoice]) => invoice))];
/** Line entries that hold values (a marker, its id alone, holds none). */
const valued = (entries: LineEntry[]) => entries.filter(([, line]) => line.length > 1).length;

/**
 * The share of a copy's chunk room that holds no values: markers, and chunks thinned by incremental phases (each phase
 * rewrites a chunk without what changed and adds small ones). A chunk written before `entries` existed: a field chunk
 * counts its ids, a line chunk counts as full.
 */
export function deadShare(head: RecordHead, chunkEntries: number): number {
  if (head.chunks.length < 3) return 0;
  let live = 0;
  for (const chunk of head.chunks) live += Math.min(chunkEntries, chunk.entries ?? (chunk.kind === 'fields' ? chunk.ids.length : chunkEntries));
  return 1 - live / (head.chunks.length * chunkEntries);
}

/**
 * A record phase's new copy, written as the pages come (README: "The whole record of every invoice"): field values
 * and lines go into chunks of `chunkEntries`, each sealed and appended to the output as soon as it is full, one at a
 * time in order; the fetch asks for its next page only while fewer than `backlogChunks` wait (`room`). What the phase
 * holds is a few chunks and, for an incremental phase, the ids of what changed — never the records themselves.
 *
 * `finish` then (incremental) goes through the previous copy's chunks in order: a chunk none of whose invoices changed
 * is copied as sealed bytes; one that holds a changed or deleted invoice's fields, a deleted line, or a line fetched
 * again is opened and written anew without them (a line fetched again leaves a marker: it keeps its place). The new
 * chunks follow the previous ones in the head's order, so an invoice's lines fold in place.
 */
export class RecordBuild implements RecordSink {
  private queue: Promise<void> = Promise.resolve();
  private waiting = 0;
  private failure: { error: unknown } | null = null;
  private readonly wakers: (() => void)[] = [];
  private readonly written: Written[] = [];
  private readonly pending: { fields: FieldEntry[]; lines: LineEntry[] } = { fields: [], lines: [] };
  private readonly generation = { fields: 0, lines: 0 };
  private fieldChunks = 0;
  /** Incremental: invoice id → the number of the field chunk with its latest values, or -1 when deleted. */
  private readonly invoices = new Map<string, number>();
  /** Incremental: line id → the invoice it was fetched again under, or false (deleted). */
  private readonly lineStates = new Map<string, string | false>();
  /** Incremental: invoices whose lines changed. */
  private readonly lineInvoices = new Set<string>();

  constructor(
    private readonly box: SecretBox,
    private readonly output: RecordOutput,
    private readonly incremental: boolean,
    private readonly tuning: RecordWriteTuning,
  ) {}

  /** Writes the magic: every chunk's offset is past it. */
  async start(): Promise<void> {
    await this.output.append(RECORD_MAGIC);
  }

  room(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure.error);
    if (this.waiting < this.tuning.backlogChunks) return Promise.resolve();
    return new Promise<void>((resolve) => this.wakers.push(resolve)).then(() => this.room());
  }

  /** Whether the phase stopped because more changed than it may track (the fetch's own error then wraps it). */
  tooManyChanges(): boolean {
    return this.failure?.error instanceof TooManyChanges;
  }

  /** Incremental: once more ids changed than it may track, the phase stops (room() rejects) and nothing is tracked. */
  private tracked(): void {
    if (this.invoices.size + this.lineStates.size + this.lineInvoices.size <= (this.tuning.maxChanges ?? MAX_CHANGES)) return;
    this.failure ??= { error: new TooManyChanges() };
    this.invoices.clear();
    this.lineStates.clear();
    this.lineInvoices.clear();
  }

  field(id: string, cells: Cell[]): void {
    if (this.failure) return;
    if (this.incremental) {
      this.invoices.set(id, this.fieldChunks);
      this.tracked();
    }
    this.pending.fields.push([id, cells]);
    if (this.pending.fields.length >= this.tuning.chunkEntries) this.flush('fields');
  }

  fieldGone(id: string): void {
    if (this.failure) return;
    this.invoices.set(id, -1);
    this.tracked();
  }

  line(invoice: string, cells: LineCells): void {
    if (this.failure) return;
    if (this.incremental) {
      this.lineStates.set(cells[0], invoice);
      this.lineInvoices.add(invoice);
      this.tracked();
    }
    this.pending.lines.push([invoice, cells]);
    if (this.pending.lines.length >= this.tuning.chunkEntries) this.flush('lines');
  }

  lineGone(id: string, invoice: string | null): void {
    if (this.failure) return;
    this.lineStates.set(id, false);
    if (invoice !== null) this.lineInvoices.add(invoice);
    this.tracked();
  }

  restart(kind: ChunkKind): void {
    this.generation[kind]++;
    this.pending[kind] = [];
    if (kind === 'fields') this.invoices.clear();
    else {
      this.lineStates.clear();
      this.lineInvoices.clear();
    }
  }

  /** Seals the pending entries of one kind as a chunk and queues its write (one write at a time, in order). */
  private flush(kind: ChunkKind): void {
    const generation = this.generation[kind];
    const number = kind === 'fields' ? this.fieldChunks++ : -1;
    const fields = kind === 'fields' ? this.pending.fields : [];
    const lines = kind === 'lines' ? this.pending.lines : [];
    this.pending[kind] = [];
    if (fields.length + lines.length === 0) return;
    this.waiting++;
    const ids = kind === 'fields' ? fields.map(([id]) => id) : distinct(lines);
    const lineIds = this.incremental && kind === 'lines' ? lines.map(([, line]) => line[0]) : null;
    // Sealed at once (deflate on libuv's pool, beside the chunks before it); written in order, one at a time.
    const sealing = kind === 'fields' ? encodeFieldChunk(this.box, fields) : encodeLineChunk(this.box, lines);
    sealing.catch(() => undefined); // awaited in turn below
    this.queue = this.queue.then(async () => {
      try {
        if (this.failure) return;
        const sealed = await sealing;
        const offset = await this.output.append(sealed);
        this.written.push({ ref: { offset, length: sealed.length, kind, ids, entries: fields.length + lines.length }, generation, number, lineIds });
      } catch (error) {
        this.failure ??= { error };
      } finally {
        this.waiting--;
        for (const wake of this.wakers.splice(0)) wake();
      }
    });
  }

  /** Every chunk written and the new copy's head appended (its bytes: the output is then complete). */
  async finish(previous: PreviousCopy | null, head: Omit<RecordHead, 'format' | 'chunks'>): Promise<RecordHead> {
    this.flush('fields');
    this.flush('lines');
    await this.queue;
    if (this.failure) throw this.failure.error;
    const chunks: ChunkRef[] = [];
    if (previous) {
      // Reading the previous copy (not writing the new one) failing: it is damaged.
      const read: PreviousCopy['read'] = (offset, length) => previous.read(offset, length).catch((error: unknown) => Promise.reject(new PreviousCopyUnreadable(error)));
      // More than half of the previous copy's chunk room dead (markers, chunks thinned by earlier phases): written anew, packed.
      if (deadShare(previous.head, this.tuning.chunkEntries) > 0.5) await this.compact(previous.head, read, chunks);
      else for (const chunk of previous.head.chunks) await this.keep(chunk, read, chunks);
    }
    for (const chunk of this.written) {
      if (chunk.generation !== this.generation[chunk.ref.kind!]) continue;
      if (chunk.ref.kind === 'fields') {
        // Incremental: an invoice fetched twice (the overlap) is read from the later chunk; a deleted one from none.
        const ids = this.incremental ? chunk.ref.ids.filter((id) => this.invoices.get(id) === chunk.number) : chunk.ref.ids;
        if (ids.length > 0) chunks.push({ ...chunk.ref, ids });
      } else if (chunk.lineIds?.some((id) => this.lineStates.get(id) === false) || chunk.ref.ids.some((id) => this.invoices.get(id) === -1)) {
        await this.rewriteLines(chunk.ref, this.output.read.bind(this.output), chunks, false);
      } else chunks.push(chunk.ref);
    }
    const full: RecordHead = { format: RECORD_FORMAT, ...head, chunks };
    await this.output.append(await encodeHead(this.box, full));
    return full;
  }

  /** A chunk of the previous copy: copied as it is when nothing in it changed, else written anew without what did. */
  private async keep(chunk: ChunkRef, read: PreviousCopy['read'], into: ChunkRef[]): Promise<void> {
    if (chunk.kind === 'fields') {
      if (!chunk.ids.some((id) => this.invoices.has(id))) return void into.push(await this.copy(chunk, read));
      const listed = new Set(chunk.ids.filter((id) => !this.invoices.has(id)));
      if (listed.size === 0) return;
      const kept = (await opened(decodeFieldChunk(this.box, await read(chunk.offset, chunk.length)))).filter(([id]) => listed.has(id));
      return void into.push(await this.append('fields', kept.map(([id]) => id), encodeFieldChunk(this.box, kept), kept.length));
    }
    // A line fetched again may have moved from another invoice (reviewB's low: it showed under both). Its old invoice is
    // opened when it has line changes of its own or was fetched again itself — Salesforce re-sums an invoice whose line
    // leaves it (its total changes: SystemModstamp moves); an old invoice that changed in neither way keeps the line.
    const linesMoved = this.lineInvoices.size > 0;
    const touched = (id: string) => this.lineInvoices.has(id) || this.invoices.get(id) === -1 || (linesMoved && this.invoices.has(id));
    if (!chunk.ids.some(touched)) return void into.push(await this.copy(chunk, read));
    await this.rewriteLines(chunk, read, into, true);
  }


  /**
   * A line chunk without deleted lines, deleted invoices' lines and lines fetched again under another invoice (moved: they
   * are under their new one now); `older`: a line fetched again under the same invoice leaves a marker (it keeps its place).
   */
  private async rewriteLines(chunk: ChunkRef, read: PreviousCopy['read'], into: ChunkRef[], older: boolean): Promise<void> {
    const kept: LineEntry[] = [];
    const entries = decodeLineChunk(this.box, await read(chunk.offset, chunk.length));
    for (const entry of await (older ? opened(entries) : entries)) {
      const effective = this.effective(entry, older);
      if (effective) kept.push(effective);
    }
    if (kept.length > 0) into.push(await this.append('lines', distinct(kept), encodeLineChunk(this.box, kept), valued(kept)));
  }

  /** What of a line entry stays: nothing (deleted, its invoice deleted, moved away), a marker (`older` and fetched again), or itself. */
  private effective([invoice, line]: LineEntry, older: boolean): LineEntry | null {
    const state = this.lineStates.get(line[0]);
    if (state === false || this.invoices.get(invoice) === -1 || (older && state !== undefined && state !== invoice)) return null;
    return older && state === invoice && line.length > 1 ? [invoice, [line[0]]] : [invoice, line];
  }

  /**
   * The previous copy written anew, packed into full chunks (compaction, reviewB's low): field chunks without what changed,
   * then every line in the head's order — a marker of an earlier phase takes the last values that came after it (its line
   * keeps its first place, as the fold reads it), those later entries leave; a marker of this phase stays (its values are in
   * this phase's chunks). Two passes over the line chunks (the second writes): what is held is the markers' lines only.
   */
  private async compact(head: RecordHead, read: PreviousCopy['read'], into: ChunkRef[]): Promise<void> {
    const size = this.tuning.chunkEntries;
    const decode = async (chunk: ChunkRef) => opened(decodeLineChunk(this.box, await read(chunk.offset, chunk.length)));
    let fields: FieldEntry[] = [];
    const sealFields = async () => {
      if (fields.length > 0) into.push(await this.append('fields', fields.map(([id]) => id), encodeFieldChunk(this.box, fields), fields.length));
      fields = [];
    };
    for (const chunk of head.chunks) {
      if (chunk.kind !== 'fields') continue;
      for (const entry of await opened(decodeFieldChunk(this.box, await read(chunk.offset, chunk.length)))) {
        if (this.invoices.has(entry[0])) continue;
        fields.push(entry);
        if (fields.length === size) await sealFields();
      }
    }
    await sealFields();
    // The previous copy's lines as they stay (effective), in the head's order, each with its key (invoice and line).
    const effective = (entry: LineEntry) => this.effective(entry, true);
    async function* kept(): AsyncGenerator<[key: string, entry: LineEntry]> {
      for (const chunk of head.chunks) {
        if (chunk.kind !== 'lines') continue;
        for (const entry of await decode(chunk)) {
          const stays = effective(entry);
          if (stays) yield [`${stays[0]}\u0000${stays[1][0]}`, stays];
        }
      }
    }
    // Pass 1: markers (by invoice and line) and the last values that follow each.
    const folded = new Map<string, LineCells | null>();
    for await (const [k, [, line]] of kept()) {
      if (line.length === 1) {
        if (!folded.has(k)) folded.set(k, null);
      } else if (folded.has(k)) folded.set(k, line);
    }
    // Pass 2: in order, each line once where it first stood.
    const placed = new Set<string>();
    let lines: LineEntry[] = [];
    const sealLines = async () => {
      if (lines.length > 0) into.push(await this.append('lines', distinct(lines), encodeLineChunk(this.box, lines), valued(lines)));
      lines = [];
    };
    for await (const [k, [invoice, line]] of kept()) {
      if (folded.has(k)) {
        if (placed.has(k)) continue;
        placed.add(k);
        lines.push([invoice, folded.get(k) ?? [line[0]]]);
      } else lines.push([invoice, line]);
      if (lines.length === size) await sealLines();
    }
    await sealLines();
  }

  private async copy(chunk: ChunkRef, read: PreviousCopy['read']): Promise<ChunkRef> {
    const offset = await this.output.append(await read(chunk.offset, chunk.length));
    return { ...chunk, offset };
  }

  private async append(kind: ChunkKind, ids: string[], sealing: Promise<Uint8Array>, entries: number): Promise<ChunkRef> {
    const sealed = await sealing;
    return { offset: await this.output.append(sealed), length: sealed.length, kind, ids, entries };
  }
}
