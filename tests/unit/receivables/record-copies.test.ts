import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordCopies } from '../../../electron/core/invoices/record/record-copy';
import type { Cell, LineCells, RecordSink } from '../../../electron/core/invoices/record/record-fetch';
import { decodeHead, encodeChunk, encodeHead, RECORD_FORMAT_COMBINED, RECORD_MAGIC, type RecordHead } from '../../../electron/core/invoices/record/record-file';
import { sinceOf } from '../../../electron/core/invoices/record/record-phase';
import type { RecordPlan } from '../../../electron/core/invoices/record/record-plan';
import { MemoryLogger, tempDir, TestSecretBox } from '../../support/test-ports';

/** Beside an offline copy that may be on disk and has no write queued. */
const onDisk = { persistable: () => true, written: () => Promise.resolve() };
const CONNECTION = 'conn-1';
const box = new TestSecretBox();
const plan: RecordPlan = {
  fields: { object: 'Invoice', select: ['Name', 'Amount'], modstamp: 'SystemModstamp', describe: { name: 'Invoice', label: 'Invoice', fields: [] }, named: [], signature: 'fields-1' },
  lines: { object: 'InvoiceLine', parent: 'InvoiceId', columns: {}, modstamp: 'SystemModstamp', signature: 'lines-1' },
  warnings: [],
};

const invoiceId = (n: number) => `3tt${String(n).padStart(12, '0')}AAA`;
const lineId = (n: number, k: number) => `5TT${String(n * 10 + k).padStart(12, '0')}AAA`;
const fieldsOf = (n: number, version = 1): Cell[] => [`INV-${n}`, n * 100 + version];
const lineOf = (n: number, k: number, amount = k * 10): LineCells => [lineId(n, k), `Line ${k}`, null, 1, amount, amount];

/** What the copy should answer, kept by the test independently: invoice → fields, lines in place. */
class Model {
  readonly fields = new Map<string, Cell[]>();
  readonly lines = new Map<string, LineCells[]>();
  field(id: string, cells: Cell[]) {
    this.fields.set(id, cells);
  }
  line(invoice: string, cells: LineCells) {
    const list = this.lines.get(invoice) ?? [];
    const at = list.findIndex((line) => line[0] === cells[0]);
    if (at >= 0) list[at] = cells;
    else list.push(cells);
    this.lines.set(invoice, list);
  }
  lineGone(invoice: string, id: string) {
    this.lines.set(invoice, (this.lines.get(invoice) ?? []).filter((line) => line[0] !== id));
  }
  invoiceGone(id: string) {
    this.fields.delete(id);
    this.lines.delete(id);
  }
}

describe('the record copy, written as the pages come (issue #13: any number of invoices)', () => {
  const temps: { remove(): void }[] = [];
  afterEach(() => temps.splice(0).forEach((t) => t.remove()));
  const setUp = (chunkEntries = 3) => {
    const temp = tempDir();
    temps.push(temp);
    const logger = new MemoryLogger();
    const copies = new RecordCopies(temp.dir, box, onDisk, logger, { chunkEntries, backlogChunks: 1 });
    const folder = join(temp.dir, 'invoices');
    const file = join(folder, `${createHash('sha256').update(CONNECTION).digest('hex').slice(0, 32)}.record`);
    const partials = () => (existsSync(folder) ? readdirSync(folder).filter((name) => name.includes('.record.partial-')) : []);
    const run = (fetch: (sink: RecordSink) => Promise<void>, previous: Awaited<ReturnType<RecordCopies['head']>> = null, signal = new AbortController().signal) =>
      copies.write(CONNECTION, {
        plan, previous, signal, saving: () => undefined, syncedAt: () => new Date().toISOString(),
        fetch: async (sink) => {
          await fetch(sink);
          return { fieldsWatermark: 1, linesWatermark: 1, fetched: 0 };
        },
      });
    const headOf = async () => {
      const bytes = readFileSync(file);
      return decodeHead(box, async (offset, length) => bytes.subarray(offset, offset + length), bytes.length);
    };
    const expectCopy = async (model: Model, ids: string[]) => {
      for (const id of ids) {
        const got = await copies.get(CONNECTION, id);
        if (!model.fields.has(id) && !model.lines.get(id)?.length) {
          expect(got, id).toBeNull();
          continue;
        }
        expect(got?.entry, id).toEqual([id, model.fields.get(id) ?? null, model.lines.get(id) ?? []]);
      }
    };
    return { temp, copies, file, partials, run, headOf, expectCopy, logger };
  };

  /** A full fetch of invoices 1–n with k lines each, pages interleaving fields and lines as two queries do. */
  const full = (model: Model, n: number, k: number, during?: (sink: RecordSink, at: number) => Promise<void>) => async (sink: RecordSink) => {
    for (let i = 1; i <= n; i++) {
      sink.field(invoiceId(i), fieldsOf(i));
      model.field(invoiceId(i), fieldsOf(i));
      for (let j = 1; j <= k; j++) {
        sink.line(invoiceId(i), lineOf(i, j));
        model.line(invoiceId(i), lineOf(i, j));
      }
      await during?.(sink, i);
    }
  };

  it('the invoices folder it creates (before the cache ever ran) is the user\'s alone: 0700, as SECURITY.md says', async () => {
    if (process.platform === 'win32') return;
    const { run, file } = setUp(3);
    await run(full(new Model(), 2, 1));
    expect(statSync(join(file, '..')).mode & 0o777).toBe(0o700);
  });

  it('a full phase seals chunks of at most `chunkEntries` into a temp file while it fetches, then puts it in place; every invoice reads back', async () => {
    const { run, partials, headOf, expectCopy, file } = setUp(3);
    const model = new Model();
    const sizes: number[] = [];
    await run(full(model, 10, 2, async (sink, i) => {
      if (i !== 6) return;
      // The fetch asks for its next page only once the writer has room: by then the chunks are on disk.
      await sink.room();
      const [partial] = partials();
      sizes.push(statSync(join(file, '..', partial!)).size);
    }));
    // Half-way, the temp file holds sealed chunks already (3 invoices' fields and 3 lines a chunk: at least 5 chunks).
    expect(sizes[0]).toBeGreaterThan(RECORD_MAGIC.length + 5 * 28);
    expect(sizes[0]).toBeLessThan(statSync(file).size);
    expect(partials()).toEqual([]);
    const head = await headOf();
    expect(head.chunks.filter((c) => c.kind === 'fields').flatMap((c) => c.ids)).toHaveLength(10);
    expect(head.chunks.every((c) => c.ids.length <= 3)).toBe(true);
    expect(head.chunks.filter((c) => c.kind === 'lines')).toHaveLength(7); // 20 lines, 3 a chunk
    await expectCopy(model, Array.from({ length: 12 }, (_, i) => invoiceId(i + 1)));
  });

  it('an incremental phase: changed fields replace theirs, a line edited keeps its place, deleted lines and invoices leave, unchanged chunks are copied as sealed bytes', async () => {
    const { run, copies, headOf, expectCopy, file } = setUp(3);
    const model = new Model();
    await run(full(model, 12, 2));
    const before = readFileSync(file);
    const oldHead = await headOf();
    const previous = await copies.head(CONNECTION);
    await run(async (sink) => {
      // Invoice 2 fetched twice in the overlap: the later values count.
      sink.field(invoiceId(2), fieldsOf(2, 2));
      sink.field(invoiceId(2), fieldsOf(2, 3));
      model.field(invoiceId(2), fieldsOf(2, 3));
      // Invoice 4's first line edited (it keeps its place), its second deleted; invoice 5 gets a third line.
      sink.line(invoiceId(4), lineOf(4, 1, 999));
      model.line(invoiceId(4), lineOf(4, 1, 999));
      sink.lineGone(lineId(4, 2), invoiceId(4));
      model.lineGone(invoiceId(4), lineId(4, 2));
      sink.line(invoiceId(5), lineOf(5, 3));
      model.line(invoiceId(5), lineOf(5, 3));
      // Invoice 3 deleted (its lines leave with it); invoice 13 is new.
      sink.fieldGone(invoiceId(3));
      model.invoiceGone(invoiceId(3));
      sink.field(invoiceId(13), fieldsOf(13));
      model.field(invoiceId(13), fieldsOf(13));
      // A line fetched, then deleted later in the same phase.
      sink.line(invoiceId(13), lineOf(13, 1));
      sink.line(invoiceId(13), lineOf(13, 2));
      model.line(invoiceId(13), lineOf(13, 2));
      sink.lineGone(lineId(13, 1), invoiceId(13));
    }, previous);
    await expectCopy(model, Array.from({ length: 14 }, (_, i) => invoiceId(i + 1)));
    expect((await copies.get(CONNECTION, invoiceId(4)))!.entry[2].map((line) => line[0])).toEqual([lineId(4, 1)]);
    // The chunk of invoices 10–12 changed in nothing: the same sealed bytes in the new file.
    const after = readFileSync(file);
    const newHead = await headOf();
    const untouched = oldHead.chunks.find((c) => c.kind === 'fields' && c.ids.includes(invoiceId(11)))!;
    const copied = newHead.chunks.find((c) => c.kind === 'fields' && c.ids.includes(invoiceId(11)))!;
    expect(after.subarray(copied.offset, copied.offset + copied.length).equals(before.subarray(untouched.offset, untouched.offset + untouched.length))).toBe(true);
    // Opens the same from disk in a new process.
    const reopened = new RecordCopies(join(file, '..', '..'), box, onDisk, new MemoryLogger(), { chunkEntries: 3, backlogChunks: 1 });
    expect((await reopened.get(CONNECTION, invoiceId(4)))!.entry).toEqual([invoiceId(4), model.fields.get(invoiceId(4)), model.lines.get(invoiceId(4))]);
    // A second incremental over the first: the edited line edited again still keeps its place.
    await run(async (sink) => {
      sink.line(invoiceId(4), lineOf(4, 1, 5));
      model.line(invoiceId(4), lineOf(4, 1, 5));
      sink.line(invoiceId(4), lineOf(4, 4));
      model.line(invoiceId(4), lineOf(4, 4));
    }, await copies.head(CONNECTION));
    await expectCopy(model, Array.from({ length: 14 }, (_, i) => invoiceId(i + 1)));
  });

  it('a query that starts over (cursor expired): what its first run delivered is left out', async () => {
    const { run, expectCopy } = setUp(2);
    const model = new Model();
    await run(async (sink) => {
      for (let i = 1; i <= 5; i++) sink.line(invoiceId(i), lineOf(i, 9));
      sink.field(invoiceId(1), fieldsOf(1, 7));
      await sink.room();
      sink.restart('lines');
      sink.restart('fields');
      await full(model, 5, 1)(sink);
    });
    await expectCopy(model, Array.from({ length: 6 }, (_, i) => invoiceId(i + 1)));
  });

  it('a fetch that fails or is cancelled half-way, chunks already written: the previous copy stays byte for byte, no temp file is left', async () => {
    const { run, copies, file, partials, expectCopy } = setUp(2);
    const model = new Model();
    await run(full(model, 6, 2));
    const before = readFileSync(file);
    const previous = await copies.head(CONNECTION);
    let seen = 0;
    await expect(run(async (sink) => {
      await full(new Model(), 20, 2)(sink);
      await sink.room();
      seen = partials().length;
      throw new Error('network dropped');
    }, previous)).rejects.toThrow('network dropped');
    expect(seen).toBe(1);
    const cancel = new AbortController();
    await expect(run(async (sink) => {
      await full(new Model(), 20, 2)(sink);
      cancel.abort();
    }, previous, cancel.signal)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(partials()).toEqual([]);
    await expectCopy(model, Array.from({ length: 7 }, (_, i) => invoiceId(i + 1)));
  });

  it('a temp file left by a crash is removed by the next phase; until then the previous copy reads as before', async () => {
    const { run, file, partials, expectCopy, temp } = setUp(2);
    const model = new Model();
    await run(full(model, 4, 1));
    writeFileSync(`${file}.partial-4242-deadbeef`, Buffer.from('half a copy'));
    const fresh = new RecordCopies(temp.dir, box, onDisk, new MemoryLogger(), { chunkEntries: 2, backlogChunks: 1 });
    expect((await fresh.get(CONNECTION, invoiceId(2)))!.entry).toEqual([invoiceId(2), fieldsOf(2), [lineOf(2, 1)]]);
    await run(full(model, 4, 1));
    expect(partials()).toEqual([]);
    await expectCopy(model, [invoiceId(1), invoiceId(4)]);
  });

  it('a copy of the first format (fields and lines together) still opens; the next phase over it is a full one', async () => {
    const { copies, file } = setUp();
    const chunk = Buffer.from(await encodeChunk(box, [[invoiceId(1), fieldsOf(1), [lineOf(1, 1)]]]));
    const head: RecordHead = {
      format: RECORD_FORMAT_COMBINED, syncedAt: new Date().toISOString(),
      fields: { object: 'Invoice', signature: 'fields-1', watermark: 1, select: plan.fields.select, describe: plan.fields.describe, named: [] },
      lines: { object: 'InvoiceLine', signature: 'lines-1', watermark: 1 },
      chunks: [{ offset: RECORD_MAGIC.length, length: chunk.length, ids: [invoiceId(1)] }],
    };
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, Buffer.concat([RECORD_MAGIC, chunk, Buffer.from(await encodeHead(box, head))]));
    expect((await copies.get(CONNECTION, invoiceId(1)))!.entry).toEqual([invoiceId(1), fieldsOf(1), [lineOf(1, 1)]]);
    expect(sinceOf(head, plan, Date.now())).toBeNull();
    expect(sinceOf({ ...head, format: 2 }, plan, Date.now())).toEqual({ fields: 1, lines: 1 });
  });

  it('the next phase reaches back the span of each query that set a watermark (sync/overlap.ts); a copy without spans of more than a page is fetched whole once (reviewJ)', () => {
    const chunk = (kind: 'fields' | 'lines', entries: number) => ({ offset: RECORD_MAGIC.length, length: 1, kind, ids: [invoiceId(1)], entries });
    const head: RecordHead = {
      format: 2, syncedAt: new Date().toISOString(),
      fields: { object: 'Invoice', signature: 'fields-1', watermark: 1_000_000, spanMs: 700_000, select: plan.fields.select, describe: plan.fields.describe, named: [] },
      lines: { object: 'InvoiceLine', signature: 'lines-1', watermark: 2_000_000, spanMs: 0 },
      chunks: [chunk('fields', 1000), chunk('fields', 500), chunk('lines', 1000)],
    };
    expect(sinceOf(head, plan, Date.now())).toEqual({ fields: 1_000_000, lines: 2_000_000, fieldsSpanMs: 700_000, linesSpanMs: 0 });
    const { spanMs: _f, ...fields } = head.fields;
    const { spanMs: _l, ...lines } = head.lines!;
    // Written before spans were kept: more invoices (or lines) than a page of the record's query (200) → a full phase.
    expect(sinceOf({ ...head, fields }, plan, Date.now())).toBeNull();
    expect(sinceOf({ ...head, lines }, plan, Date.now())).toBeNull();
    // One page of each: nothing was read across pages; the plain overlap, as before.
    expect(sinceOf({ ...head, fields, lines, chunks: [chunk('fields', 150), chunk('lines', 200)] }, plan, Date.now())).toEqual({ fields: 1_000_000, lines: 2_000_000 });
  });

  it('a line moved to another invoice (reviewB low) shows under its new invoice only — its old invoice changed too (Salesforce re-sums it), or had line changes of its own', async () => {
    const { run, copies, expectCopy } = setUp(3);
    const model = new Model();
    await run(full(model, 12, 2));
    const previous = await copies.head(CONNECTION);
    await run(async (sink) => {
      // Line 1 of invoice 1 moves to invoice 9: both invoices' totals change (their SystemModstamp moves: fetched again).
      sink.field(invoiceId(1), fieldsOf(1, 2));
      model.field(invoiceId(1), fieldsOf(1, 2));
      sink.field(invoiceId(9), fieldsOf(9, 2));
      model.field(invoiceId(9), fieldsOf(9, 2));
      sink.line(invoiceId(9), lineOf(1, 1, 55));
      model.lineGone(invoiceId(1), lineId(1, 1));
      model.line(invoiceId(9), lineOf(1, 1, 55));
      // Line 2 of invoice 6 moves to invoice 7, and invoice 6 has a line edited in the same phase.
      sink.line(invoiceId(6), lineOf(6, 1, 77));
      model.line(invoiceId(6), lineOf(6, 1, 77));
      sink.line(invoiceId(7), lineOf(6, 2));
      model.lineGone(invoiceId(6), lineId(6, 2));
      model.line(invoiceId(7), lineOf(6, 2));
    }, previous);
    await expectCopy(model, Array.from({ length: 12 }, (_, i) => invoiceId(i + 1)));
    // Once, with its new values, under its new invoice.
    expect((await copies.get(CONNECTION, invoiceId(1)))!.entry[2].map((line) => line[0])).toEqual([lineId(1, 2)]);
    expect((await copies.get(CONNECTION, invoiceId(9)))!.entry[2].map((line) => line[0])).toEqual([lineId(9, 1), lineId(9, 2), lineId(1, 1)]);
  });

  it('compaction (reviewB low): once more than half of the chunks’ room is dead, an incremental phase writes the previous copy anew, packed — every invoice reads the same', async () => {
    const { run, copies, headOf, expectCopy } = setUp(3);
    const model = new Model();
    await run(full(model, 12, 2));
    const counts: number[] = [(await headOf()).chunks.length];
    for (let phase = 1; phase <= 6; phase++) {
      const previous = await copies.head(CONNECTION);
      await run(async (sink) => {
        // Every invoice's first line edited (a marker where it stood, its values in a new chunk); invoice 1's fields change.
        for (let n = 1; n <= 12; n++) {
          sink.line(invoiceId(n), lineOf(n, 1, 100 * phase + n));
          model.line(invoiceId(n), lineOf(n, 1, 100 * phase + n));
        }
        sink.field(invoiceId(1), fieldsOf(1, phase + 1));
        model.field(invoiceId(1), fieldsOf(1, phase + 1));
        // A line deleted in phase 3 (it leaves wherever it stood).
        if (phase === 3) {
          sink.lineGone(lineId(5, 2), invoiceId(5));
          model.lineGone(invoiceId(5), lineId(5, 2));
        }
      }, previous);
      await expectCopy(model, Array.from({ length: 12 }, (_, i) => invoiceId(i + 1)));
      // Each invoice's lines in place: line 1 first (edited, it keeps its place), then line 2.
      expect((await copies.get(CONNECTION, invoiceId(2)))!.entry[2].map((line) => line[0])).toEqual([lineId(2, 1), lineId(2, 2)]);
      counts.push((await headOf()).chunks.length);
    }
    // Without compaction each phase adds chunks (markers stay, values pile up): 12 → 17 → 22 → … Packed, the copy stays small.
    expect(Math.max(...counts.slice(1))).toBeLessThan(counts[0]! + 15);
    expect(counts.some((n, k) => k > 0 && n < counts[k - 1]!)).toBe(true);
    const head = await headOf();
    expect(head.chunks.every((chunk) => typeof chunk.entries === 'number')).toBe(true);
  });
});
