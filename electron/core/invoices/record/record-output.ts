import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { OWNER_ONLY, tempPathFor } from '../cache/atomic-file';

/**
 * Where a record phase writes its new copy while it runs: appended chunk by chunk, read back when the phase rewrites
 * one, then put in place whole (`commit`) or thrown away (`discard`). Calls to `append` are serialized by the caller.
 */
export interface RecordOutput {
  /** Appends `bytes`; answers the offset they start at. */
  append(bytes: Uint8Array): Promise<number>;
  read(offset: number, length: number): Promise<Buffer>;
  discard(): Promise<void>;
}

/**
 * The new copy on disk: a temp file beside the target (owner-only, opened for reading and writing), fsynced and
 * renamed over the target by `commit` — an atomic replace: until then the previous copy is untouched, and a crash
 * leaves at most the temp file (removed by the next phase's `removeStrayTemps`).
 */
export class FileOutput implements RecordOutput {
  private size = 0;
  private closed = false;

  private constructor(
    private readonly target: string,
    private readonly temp: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(target: string): Promise<FileOutput> {
    const temp = tempPathFor(target);
    return new FileOutput(target, temp, await open(temp, 'wx+', OWNER_ONLY));
  }

  async append(bytes: Uint8Array): Promise<number> {
    const at = this.size;
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, done, bytes.length - done, at + done);
      done += bytesWritten;
    }
    this.size += bytes.length;
    return at;
  }

  /** Bytes appended so far. */
  length(): number {
    return this.size;
  }

  async read(offset: number, length: number): Promise<Buffer> {
    const out = Buffer.alloc(length);
    const { bytesRead } = await this.handle.read(out, 0, length, offset);
    if (bytesRead !== length) throw new Error('record copy cut short');
    return out;
  }

  /**
   * `placed` runs at once after the rename, before the folder's fsync: from then on a read of the target reads the new
   * copy, so whoever reads it must know the new head before anything else is awaited (record-copy.ts).
   */
  async commit(placed: () => void = () => undefined): Promise<void> {
    try {
      await this.handle.sync();
      this.closed = true;
      await this.handle.close();
      await rename(this.temp, this.target);
    } catch (error) {
      await this.discard();
      throw error;
    }
    placed();
    const folder = await open(dirname(this.target), 'r').catch(() => null);
    // Some platforms (Windows) cannot fsync a directory; the rename is still atomic there.
    await folder?.sync().catch(() => undefined);
    await folder?.close();
  }

  async discard(): Promise<void> {
    if (!this.closed) await this.handle.close().catch(() => undefined);
    this.closed = true;
    await rm(this.temp, { force: true });
  }
}

/** The new copy in memory: nothing may be written to disk (no OS encryption, no opt-in), the session keeps it. */
export class MemoryOutput implements RecordOutput {
  private readonly parts: Buffer[] = [];
  private size = 0;
  private whole: Buffer | null = null;

  async append(bytes: Uint8Array): Promise<number> {
    const at = this.size;
    this.parts.push(Buffer.from(bytes));
    this.size += bytes.length;
    this.whole = null;
    return at;
  }

  async read(offset: number, length: number): Promise<Buffer> {
    return this.bytes().subarray(offset, offset + length);
  }

  bytes(): Buffer {
    this.whole ??= Buffer.concat(this.parts);
    return this.whole;
  }

  async discard(): Promise<void> {
    this.parts.length = 0;
    this.whole = null;
  }
}
