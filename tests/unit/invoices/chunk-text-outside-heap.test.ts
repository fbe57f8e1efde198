import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { chunkRow, ColumnChunkBuilder, EXTERNAL_TEXT_CHARS, type ColumnChunk } from '../../../electron/core/invoices/snapshot/row-columns';
import type { InvoiceRow } from '../../../electron/contract';

/**
 * A full sync keeps its chunks' text (~115 MiB at 1,000,000 invoices). Kept on V8's heap, every byte of it survived the
 * young generation once and V8 grew the young generation to its largest (128 MiB of the 1M sync's peak RSS); a chunk of
 * EXTERNAL_TEXT_CHARS characters or more has its text outside the heap (Node's external strings), so the young generation
 * keeps its size without any V8 flag (BENCHMARKS.md, session 29). Fails if Node stops making such strings external, or
 * if the builder stops making its text from bytes (Latin-1 ones too: the names of Western Europe and the Americas).
 */
const row = (i: number, customer = 'Acme Industrial Supplies Ltd'): InvoiceRow => ({
  id: `a0B5g00000${String(i).padStart(8, '0')}`,
  number: `INV-${String(i).padStart(7, '0')}`,
  customer,
  invoiceDate: '2026-01-15',
  dueDate: '2026-02-14',
  status: 'Posted',
  total: 1200 + i,
  balance: i % 3 === 0 ? 0 : 1200 + i,
  currency: 'EUR',
  lastModified: '2026-03-01T10:00:00.000Z',
  customerId: `0015g00000${String(i % 977).padStart(8, '0')}`,
});

setFlagsFromString('--expose-gc');
const fullGc = runInNewContext('gc') as () => void;

/** The bytes V8's heap holds in large objects (a string over 128 KiB on the heap is one). */
const largeObjects = () =>
  getHeapSpaceStatistics()
    .filter((space) => space.space_name === 'large_object_space' || space.space_name === 'new_large_object_space')
    .reduce((sum, space) => sum + space.space_used_size, 0);

/** Rows into one chunk until its text holds at least `chars` characters, and the bytes of V8's heap its text took. */
function chunkOf(chars: number, customer?: string): { chunk: ColumnChunk; onHeap: number } {
  const builder = new ColumnChunkBuilder();
  for (let i = 0; builder.textLength < chars; i++) builder.add(row(i, customer));
  fullGc();
  const before = largeObjects();
  const chunk = builder.chunk()!;
  return { chunk, onHeap: largeObjects() - before };
}

describe('a full sync’s chunk text', () => {
  it('of EXTERNAL_TEXT_CHARS Latin-1 characters is kept outside V8’s heap; a page’s worth, or a character past U+00FF, on it', () => {
    const large = chunkOf(EXTERNAL_TEXT_CHARS);
    expect(large.onHeap).toBeLessThan(large.chunk.text.length / 4);
    const accented = chunkOf(EXTERNAL_TEXT_CHARS, 'Société Générale Ñandú Øresund');
    expect(accented.onHeap).toBeLessThan(accented.chunk.text.length / 4);
    const page = chunkOf(230_000);
    expect(page.onHeap).toBeGreaterThanOrEqual(page.chunk.text.length);
    const past = chunkOf(EXTERNAL_TEXT_CHARS, 'Łódź Zakłady – 東京');
    expect(past.onHeap).toBeGreaterThanOrEqual(past.chunk.text.length);
    // The rows read back as they were written, wherever the text is.
    for (const [{ chunk }, customer] of [
      [large, 'Acme Industrial Supplies Ltd'],
      [accented, 'Société Générale Ñandú Øresund'],
      [past, 'Łódź Zakłady – 東京'],
    ] as const) {
      const last = chunk.rows - 1;
      expect(chunk.rows).toBeGreaterThan(5_000);
      expect(chunkRow(chunk, last)).toEqual(row(last, customer));
      expect(chunkRow(chunk, 0)).toEqual(row(0, customer));
    }
  });

  it('kept in chunks that long leaves a fresh isolate’s young generation at its size; kept a page at a time, grows it', async () => {
    const long = await youngGenerationKeeping(EXTERNAL_TEXT_CHARS);
    expect(long.after).toBe(long.before);
    const short = await youngGenerationKeeping(230_000);
    expect(short.after).toBeGreaterThan(short.before);
  });
});

/** A fresh isolate (a worker thread: its young generation at its smallest) keeps ~48 MB of text made as `chunk()` makes it. */
const KEEP_TEXT = `
  const { parentPort, workerData } = require('node:worker_threads');
  const { getHeapSpaceStatistics } = require('node:v8');
  const young = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size;
  const before = young();
  const bytes = Buffer.alloc(workerData.chars, 65);
  const kept = [];
  for (let made = 0; made < 48e6; made += workerData.chars) {
    bytes[kept.length % workerData.chars] = 66;
    kept.push(bytes.toString('latin1', 0, workerData.chars));
  }
  parentPort.postMessage({ before, after: young(), kept: kept.length });
`;

function youngGenerationKeeping(chars: number): Promise<{ before: number; after: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(KEEP_TEXT, { eval: true, workerData: { chars } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}
