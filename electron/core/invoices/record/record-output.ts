import { AtomicFile } from '../cache/atomic-file';

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
 * The new copy on disk: appended to an `AtomicFile` beside the target (owner-only temp, fsynced and renamed over the
 * target by `commit`) — until then the previous copy is untouched, and a crash leaves at most the temp file (removed by
 * the next phase's `removeStrayTemps`).
 */
export class FileOutput implements RecordOutput {
  private size = 0;

  private constructor(private readonly file: AtomicFile) {}

  static async create(target: string): Promise<FileOutput> {
    return new FileOutput(await AtomicFile.create(target));
  }

  async append(bytes: Uint8Array): Promise<number> {
    const at = this.size;
    await this.file.write(bytes, at);
    this.size += bytes.length;
    return at;
  }

  /** Bytes appended so far. */
  length(): number {
    return this.size;
  }

  read(offset: number, length: number): Promise<Buffer> {
    return this.file.read(offset, length);
  }

  /** See `AtomicFile.commit`: `placed` runs right after the rename. */
  commit(placed?: () => void): Promise<void> {
    return this.file.commit(placed);
  }

  discard(): Promise<void> {
    return this.file.discard();
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
