import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeptDocuments, type KeepingRules, type KeptDocument } from '../../../electron/core/documents/kept-documents';
import type { SecretBox } from '../../../electron/core/ports';
import { MemoryLogger, tempDir, TestSecretBox } from '../../support/test-ports';

const document = (invoiceId: string, versionId: string, text: string): KeptDocument => ({
  invoiceId, contentDocumentId: `069${invoiceId}`, versionId, title: `${invoiceId}.pdf`, checksum: null,
  size: text.length, keptAt: '2026-12-04T10:00:00.000Z', bytes: Buffer.from(text),
});
/** A PDF-ish body of `n` bytes (sealed, ~200 bytes more with its header). */
const pdf = (invoiceId: string, n = 1000) => document(invoiceId, 'V1', `%PDF-${'x'.repeat(n - 10)}%%EOF`);
const SEALED = 1000 + 250; // upper bound of a sealed 1000-byte document
const ids = async (kept: KeptDocuments, c = 'c1') => (await kept.list(c)).map((k) => k.invoiceId).sort();

/** Sealed files on disk and their total size. */
function onDisk(dir: string): { files: string[]; bytes: number } {
  const folder = join(dir, 'invoices');
  const files: string[] = [];
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.documents'))) {
    for (const file of readdirSync(join(folder, name))) files.push(join(folder, name, file));
  }
  return { files, bytes: files.reduce((sum, f) => sum + statSync(f).size, 0) };
}

describe('kept invoice documents, as the sync lists them', () => {
  const temp = tempDir();
  afterEach(() => temp.remove());

  it('lists each file as it is now: a document kept again in a new version, or dropped, is listed so at the next sync', async () => {
    const box = new TestSecretBox();
    const rules = { budgetBytes: () => 1_000_000, now: () => Date.now() };
    const kept = new KeptDocuments(temp.dir, box, () => true, new MemoryLogger(), rules);
    await kept.keep('c1', document('I1', 'V1', '%PDF one'));
    await kept.keep('c1', document('I2', 'V1', '%PDF two'));
    expect((await kept.list('c1')).map((k) => `${k.invoiceId}:${k.versionId}`).sort()).toEqual(['I1:V1', 'I2:V1']);
    await kept.keep('c1', document('I1', 'V2', '%PDF one, re-issued'));
    await kept.drop('c1', 'I2');
    expect((await kept.list('c1')).map((k) => `${k.invoiceId}:${k.versionId}`)).toEqual(['I1:V2']);
    // Another instance (the app started again) reads the same from disk.
    const again = new KeptDocuments(temp.dir, box, () => true, new MemoryLogger(), rules);
    expect((await again.list('c1')).map((k) => `${k.invoiceId}:${k.versionId}`)).toEqual(['I1:V2']);
  });
});

describe('kept invoice documents within the disk budget', () => {
  // A folder of its own per test: a write one test's KeptDocuments still had under way when it ended (a use's time
  // noted after `get`) landed in the next test's folder under a loaded machine (the whole suite at load ~20: the
  // budget-0 test listed the previous test's I4).
  let temp: { dir: string; remove(): void };
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.remove());
  const box = new TestSecretBox();
  let clock = 1_000;
  const rulesOf = (budget: () => number): KeepingRules => ({ budgetBytes: budget, now: () => ++clock });
  const open = (budget: () => number, logger = new MemoryLogger(), persistable = true) =>
    new KeptDocuments(temp.dir, box, () => persistable, logger, rulesOf(budget));

  it('evicts the least recently kept or opened first, and the files on disk stay within the budget', async () => {
    const budget = 3 * SEALED;
    const kept = open(() => budget);
    for (const id of ['I1', 'I2', 'I3']) expect(await kept.keep('c1', pdf(id))).toBe(true);
    expect(await ids(kept)).toEqual(['I1', 'I2', 'I3']);
    // Opening I1 makes it the most recent: the next keep evicts I2, the oldest use.
    expect((await kept.get('c1', 'I1'))?.invoiceId).toBe('I1');
    expect(await kept.keep('c1', pdf('I4'))).toBe(true);
    expect(await ids(kept)).toEqual(['I1', 'I3', 'I4']);
    expect(onDisk(temp.dir).bytes).toBeLessThanOrEqual(budget);
    expect(await kept.used()).toBe(onDisk(temp.dir).bytes);
    // Across connections: one budget.
    expect(await kept.keep('c2', pdf('J1'))).toBe(true);
    expect(await ids(kept)).toEqual(['I1', 'I4']);
    expect(onDisk(temp.dir).bytes).toBeLessThanOrEqual(budget);
  });

  it('a budget of 0 keeps nothing (and drops an older copy of the same document); one larger than the budget is not kept', async () => {
    let budget = 10 * SEALED;
    const kept = open(() => budget);
    expect(await kept.keep('c1', pdf('I1'))).toBe(true);
    budget = 0;
    expect(await kept.keep('c1', pdf('I1'))).toBe(false);
    expect(await ids(kept)).toEqual([]);
    budget = 2 * SEALED;
    expect(await kept.keep('c1', pdf('I2'))).toBe(true);
    expect(await kept.keep('c1', pdf('BIG', 5000))).toBe(false);
    expect(await ids(kept)).toEqual(['I2']); // nothing evicted for a document that could never fit
  });

  it('a keep that may evict only some documents (a prefetch) is refused rather than evicting the others', async () => {
    const kept = open(() => 2 * SEALED);
    await kept.keep('c1', pdf('I1'));
    await kept.keep('c1', pdf('I2'));
    const spare = new Set([kept.keyOf('c1', 'I1'), kept.keyOf('c1', 'I2')]);
    expect(await kept.keep('c1', pdf('I3'), (key) => !spare.has(key))).toBe(false);
    expect(await ids(kept)).toEqual(['I1', 'I2']);
    expect(await kept.keep('c1', pdf('I3'), (key) => key !== kept.keyOf('c1', 'I2'))).toBe(true);
    expect(await ids(kept)).toEqual(['I2', 'I3']);
  });

  it('a lower budget evicts at once, oldest first', async () => {
    let budget = 4 * SEALED;
    const kept = open(() => budget);
    for (const id of ['I1', 'I2', 'I3', 'I4']) await kept.keep('c1', pdf(id));
    budget = 2 * SEALED;
    expect(await kept.trim()).toBe(2);
    expect(await ids(kept)).toEqual(['I3', 'I4']);
    expect(onDisk(temp.dir).bytes).toBeLessThanOrEqual(budget);
  });

  it('never evicts the document being read (served) at that moment', async () => {
    let release: () => void = () => undefined;
    let gate: Promise<void> | null = null;
    const slow: SecretBox = {
      protection: () => box.protection(),
      seal: (plain) => box.seal(plain),
      open: async (sealed) => {
        if (gate) await gate;
        return box.open(sealed);
      },
    };
    const kept = new KeptDocuments(temp.dir, slow, () => true, new MemoryLogger(), rulesOf(() => 2 * SEALED));
    await kept.keep('c1', pdf('I1'));
    await kept.keep('c1', pdf('I2'));
    gate = new Promise((resolve) => (release = resolve));
    const serving = kept.get('c1', 'I1'); // the oldest, being read
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await kept.keep('c1', pdf('I3'))).toBe(true);
    release();
    gate = null;
    expect((await serving)?.invoiceId).toBe('I1');
    expect(await ids(kept)).toEqual(['I1', 'I3']); // I2 went instead
  });

  it('the order survives a restart; a damaged index is rebuilt from the kept files with a warning, never a crash', async () => {
    const kept = open(() => 3 * SEALED);
    for (const id of ['I1', 'I2', 'I3']) await kept.keep('c1', pdf(id));
    await kept.get('c1', 'I1');
    await kept.idle();
    const again = open(() => 3 * SEALED);
    await again.keep('c1', pdf('I4'));
    expect(await ids(again)).toEqual(['I1', 'I3', 'I4']); // I2 was the oldest use before the restart
    await again.idle();

    const index = join(temp.dir, 'invoices', 'documents-index.json');
    expect(readFileSync(index, 'utf8')).not.toMatch(/I[1-4]/); // hashes only
    for (const damage of ['{"format":1,"entries":{"x":{"size":-1}}}', 'not json at all', '']) {
      writeFileSync(index, damage);
      const logger = new MemoryLogger();
      const rebuilt = open(() => 3 * SEALED, logger);
      expect(await rebuilt.used()).toBe(onDisk(temp.dir).bytes);
      expect(await rebuilt.keep('c1', pdf('I5'))).toBe(true);
      expect(await ids(rebuilt)).toHaveLength(3);
      expect(logger.lines.join('\n')).toMatch(/index damaged; rebuilt/);
      await rebuilt.idle();
    }
  });

  it('forgetting the last connection leaves no kept PDF and no index file', async () => {
    const kept = open(() => 3 * SEALED);
    await kept.keep('c1', pdf('I1'));
    await kept.idle();
    const names = readdirSync(join(temp.dir, 'invoices'));
    expect(names).toHaveLength(2);
    expect(names).toEqual(expect.arrayContaining([expect.stringMatching(/\.documents$/), 'documents-index.json']));
    await kept.forget('c1');
    await kept.idle();
    expect(readdirSync(join(temp.dir, 'invoices'))).toEqual([]);
  });

  it('without OS encryption the budget holds for the documents kept in memory, and nothing is written', async () => {
    const kept = open(() => 2 * SEALED, new MemoryLogger(), false);
    for (const id of ['I1', 'I2', 'I3']) await kept.keep('c1', pdf(id));
    expect(await ids(kept)).toEqual(['I2', 'I3']);
    await kept.idle();
    expect(() => readdirSync(join(temp.dir, 'invoices'))).toThrow();
  });
});
