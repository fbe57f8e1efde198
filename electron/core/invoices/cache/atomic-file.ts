import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { cutToBytes } from '../../statements/statement-file-name';

/** Owner read/write only: invoices are financial data. */
export const OWNER_ONLY = 0o600;

/** Owner only, for the folders that hold the offline copy (`userData/invoices`, its `.documents` folders). */
const PRIVATE_FOLDER = 0o700;

/**
 * Makes `folder` (and any missing parent) owner-only, whoever creates it first — the cache, the kept records, the
 * record copy or the kept PDFs — and tightens one an earlier version left readable by others (0755). On Windows modes
 * mean nothing; the folder is only made.
 */
export async function makePrivateFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true, mode: PRIVATE_FOLDER });
  if (process.platform === 'win32') return;
  if (((await stat(folder)).mode & 0o077) !== 0) await chmod(folder, PRIVATE_FOLDER);
}

const TEMP_MARK = '.partial-';
/** Linux and macOS take at most 255 bytes in a file name (Windows 255 UTF-16 units, never more than the UTF-8 bytes). */
const NAME_MAX_BYTES = 255;
/** Room kept for `.partial-<pid>-<8 hex>` (9 + at most 10 + 1 + 8 bytes). */
const TEMP_SUFFIX_ROOM = 32;

/**
 * The target's name as the start of its temp file's name: whole, or cut (whole characters) so that the temp name stays
 * within 255 bytes — a name of nearly 255 bytes typed into a save dialog must still save.
 */
function tempStemOf(target: string): string {
  return cutToBytes(basename(target), NAME_MAX_BYTES - TEMP_SUFFIX_ROOM);
}

export function tempPathFor(target: string): string {
  return join(dirname(target), `${tempStemOf(target)}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
}

async function fsyncPath(path: string, flags: string): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } catch (error) {
    // Some platforms (Windows) cannot fsync a directory; the rename is still atomic there.
    if (flags !== 'r') throw error;
  } finally {
    await handle.close();
  }
}

/**
 * Produces a file atomically: `write` fills a temp file next to the target, which is flushed to
 * disk and renamed over the target. A crash at any point leaves the previous file untouched
 * (plus at most a stray temp file, removed by `removeStrayTemps`).
 */
export async function writeAtomically(target: string, write: (tempPath: string) => Promise<void>): Promise<void> {
  const temp = tempPathFor(target);
  try {
    await write(temp);
    await fsyncPath(temp, 'r+');
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await fsyncPath(dirname(target), 'r').catch(() => undefined);
}

/** Bytes in memory put in place atomically (the kept-PDF index; a statement's PDF; the bench's baseline rewrite). */
export async function writeBytesAtomically(target: string, bytes: Uint8Array): Promise<void> {
  await writeAtomically(target, async (temp) => {
    const handle = await open(temp, 'wx', OWNER_ONLY);
    try {
      await handle.writeFile(bytes);
    } finally {
      await handle.close();
    }
  });
}

/**
 * A file produced in steps (a sync writes its pages as they come) and then put in place
 * atomically: the same temp file + fsync + rename as `writeAtomically`, held open between steps.
 * `discard` (cancel, failure) deletes the temp file; the target is never touched until `commit`.
 */
export class AtomicFile {
  private constructor(
    private readonly target: string,
    private readonly temp: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(target: string): Promise<AtomicFile> {
    const temp = tempPathFor(target);
    // Opened for reading too: the record phase reads back chunks it rewrites (record-output.ts).
    return new AtomicFile(target, temp, await open(temp, 'wx+', OWNER_ONLY));
  }

  async write(bytes: Uint8Array, position: number): Promise<void> {
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, done, bytes.length - done, position + done);
      done += bytesWritten;
    }
  }

  /** `length` bytes written at `offset` (all of them, or an error). */
  async read(offset: number, length: number): Promise<Buffer> {
    const out = Buffer.alloc(length);
    const { bytesRead } = await this.handle.read(out, 0, length, offset);
    if (bytesRead !== length) throw new Error('file cut short');
    return out;
  }

  truncate(length: number): Promise<void> {
    return this.handle.truncate(length);
  }

  /**
   * `placed` runs at once after the rename, before the folder's fsync: from then on a read of the target reads the new
   * file (record-copy.ts must know its new head before anything else is awaited).
   */
  async commit(placed: () => void = () => undefined): Promise<void> {
    try {
      await this.handle.sync();
      await this.handle.close();
      await rename(this.temp, this.target);
    } catch (error) {
      await this.discard();
      throw error;
    }
    placed();
    await fsyncPath(dirname(this.target), 'r').catch(() => undefined);
  }

  async discard(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.temp, { force: true });
  }
}

/** Writes `bytes` at `position` of an existing file (all of them: a short write is continued) and flushes them to disk. */
export async function writeAtAndSync(handle: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done);
    done += bytesWritten;
  }
  await handle.datasync();
}

/** Deletes temp files left by a write that was killed half-way. */
export async function removeStrayTemps(target: string): Promise<void> {
  const prefix = `${tempStemOf(target)}${TEMP_MARK}`;
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => name.startsWith(prefix)).map((name) => rm(join(dirname(target), name), { force: true })));
}
