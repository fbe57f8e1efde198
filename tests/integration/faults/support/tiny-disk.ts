import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A small tmpfs mounted over a folder, to make writes really fail: ENOSPC once it is filled up,
 * EROFS once it is remounted read-only. Needs root with CAP_SYS_ADMIN (this machine and CI have it);
 * `available()` says whether mounting works here.
 */
export class TinyDisk {
  constructor(readonly path: string) {}

  static available(): boolean {
    const probe = mkdtempSync(join(tmpdir(), 'budgetly-mount-probe-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
      execFileSync('umount', [probe], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    } finally {
      rmSync(probe, { recursive: true, force: true });
    }
  }

  mount(sizeBytes: number): void {
    mkdirSync(this.path, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes},mode=0700`, 'tmpfs', this.path]);
  }

  /** Fills the disk up to the last few KiB (the next large write fails with ENOSPC). */
  fill(): void {
    const { bavail, bsize } = statfsSync(this.path);
    writeFileSync(join(this.path, 'filler'), Buffer.alloc(Math.max(0, bavail * bsize - 4096)));
  }

  unfill(): void {
    rmSync(join(this.path, 'filler'), { force: true });
  }

  readOnly(on: boolean): void {
    execFileSync('mount', ['-o', `remount,${on ? 'ro' : 'rw'}`, this.path]);
  }

  unmount(): void {
    try {
      execFileSync('umount', [this.path], { stdio: 'ignore' });
    } catch {
      // already gone
    }
  }
}
