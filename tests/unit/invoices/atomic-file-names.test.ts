import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeStrayTemps, tempPathFor, writeAtomically, writeBytesAtomically } from '../../../electron/core/invoices/cache/atomic-file';
import { tempDir } from '../../support/test-ports';

const temp = tempDir();
afterAll(() => temp.remove());

describe('temp files beside a file written atomically (statements, exports, a saved PDF: names the user typed)', () => {
  it('a name of up to 255 bytes, in letters of 1 to 4 bytes, is written: its temp name never passes 255 bytes', async () => {
    const names = [`${'請'.repeat(82)}.pdf`, `${'😀'.repeat(62)}.csv`, `${'x'.repeat(250)}.xlsx`, `${'é'.repeat(125)}.pdf`];
    for (const name of names) {
      expect(Buffer.byteLength(name)).toBeGreaterThanOrEqual(250);
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
      const target = join(temp.dir, name);
      const tempName = basename(tempPathFor(target));
      expect(Buffer.byteLength(tempName)).toBeLessThanOrEqual(255);
      // Whole characters only: no half emoji in the temp name.
      expect(tempName).not.toContain('\uFFFD');
      expect(Buffer.from(tempName, 'utf8').toString('utf8')).toBe(tempName);
      await writeBytesAtomically(target, Buffer.from(name));
      expect(readFileSync(target, 'utf8')).toBe(name);
      await writeAtomically(target, async (path) => writeFileSync(path, 'again', { flag: 'wx' }));
      expect(readFileSync(target, 'utf8')).toBe('again');
    }
    expect(readdirSync(temp.dir).sort()).toEqual([...names].sort());
  });

  it('a stray temp file of a long name (a write killed half-way) is found and removed; another file’s is not', async () => {
    const target = join(temp.dir, `${'請'.repeat(83)}.cache`); // 255 bytes
    const stray = tempPathFor(target);
    writeFileSync(stray, 'half');
    const other = join(temp.dir, 'other.cache.partial-1-00000000');
    writeFileSync(other, 'keep');
    await removeStrayTemps(target);
    expect(readdirSync(temp.dir)).not.toContain(basename(stray));
    expect(readdirSync(temp.dir)).toContain('other.cache.partial-1-00000000');
  });
});
