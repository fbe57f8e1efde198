import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useOrgsPerTest } from '../../support/org-setup';
import type { InvoiceDetail } from '../../../electron/contract';
import { MAX_API_VERSION } from '../../../electron/core/invoices/mapping/api-version';
import { decodeHead, encodeHead } from '../../../electron/core/invoices/record/record-file';
import { systemClock, type Clock } from '../../../electron/core/ports';
import { TestSecretBox } from '../../support/test-ports';
import { CONNECTION_ID as connectionId, startHarness, type Harness } from '../invoices/support/invoice-harness';
import { recordPhaseEnded } from '../invoices/support/record-phase';

/**
 * The whole-record fetch (record/record-fetch.ts) under the invoices' own overlap rule (sync/overlap.ts, review19): its
 * queries are read page by page too, so a phase longer than the 5-minute overlap could see an invoice change on a page
 * already read while a later page carried a stamp more than 5 minutes after it. With `watermark − 5 min` the record copy
 * kept the old value offline until a full phase; now each watermark keeps its query's span and the next phase reaches
 * back that much more. A copy written before spans were kept, of more than a page, is fetched whole once (reviewJ).
 */
const perTest = useOrgsPerTest();

async function offlineField(harness: Harness, id: string, name: string): Promise<unknown> {
  harness.sessions.offline = true;
  try {
    const answer = await harness.call('invoices.get', { connectionId, id });
    expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
    const detail = answer.value as InvoiceDetail;
    expect(detail.keptAt).toBeTruthy();
    return detail.fields.find((field) => field.name === name)?.value;
  } finally {
    harness.sessions.offline = false;
  }
}

const recordFile = (dir: string) => {
  const folder = join(dir, 'invoices');
  return join(folder, readdirSync(folder).find((name) => name.endsWith('.record'))!);
};

describe('the whole-record fetch after a phase longer than the overlap', () => {
  it('fetches a change to an invoice already read, made while the phase read later pages (the clocks 10 minutes on by its last page)', async () => {
    let offset = 0;
    const clock: Clock = { now: () => Date.now() + offset, setTimeout: systemClock.setTimeout };
    const { org, harness } = await perTest.start(
      { invoices: 600, objects: ['Invoice'], payments: false, now: () => Date.now() + offset },
      { tuning: { pageSize: 200 }, secretBox: new TestSecretBox(), clock, recordPhase: true },
    );
    const ids = org.control.records('Invoice').map((record) => record.Id as string);
    const first = ids[0]!;
    const last = ids.at(-1)!;
    const full = await harness.call('invoices.sync', { connectionId, mode: 'full' });
    expect(full.ok, JSON.stringify(full.error)).toBe(true);
    // The phase starts after the sync's answer: its first pages come at once, every later page (a queryMore) 400 ms later.
    const pagesAsked = () => org.control.counters().requests.queryMore ?? 0;
    const before = pagesAsked();
    org.control.injectFault({ kind: 'latency', ms: 400, count: 200, pathPrefix: `/services/data/v${MAX_API_VERSION}.0/query/` });
    // Both queries (fields, lines) have their first page and ask their second: the first invoice has been read.
    for (let k = 0; k < 4000 && pagesAsked() < before + 2; k++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(pagesAsked()).toBeGreaterThanOrEqual(before + 2);
    org.control.updateInvoices([first], { DueDate: '2031-01-15' });
    offset += 10 * 60_000;
    org.control.updateInvoices([last], { DueDate: '2031-02-15' });
    expect((await recordPhaseEnded(harness, 1)).phase).toBe('done');
    // The phase read the last invoice's new value, the first invoice's old one.
    expect(await offlineField(harness, last, 'DueDate')).toBe('2031-02-15');
    expect(await offlineField(harness, first, 'DueDate')).not.toBe('2031-01-15');

    const inc = await harness.call('invoices.sync', { connectionId, mode: 'incremental' });
    expect(inc.ok, JSON.stringify(inc.error)).toBe(true);
    const end = await recordPhaseEnded(harness, 2);
    expect(end.phase).toBe('done');
    // An incremental phase (far fewer than the 600 invoices and their lines) …
    expect(end.fetched).toBeLessThan(100);
    // … that reached back the first phase's span: before, still the value the first phase read until a full phase.
    expect(await offlineField(harness, first, 'DueDate')).toBe('2031-01-15');
    expect(await offlineField(harness, last, 'DueDate')).toBe('2031-02-15');
  }, 180_000);
});

describe('a record copy written before spans were kept', () => {
  it('of more than a page: the next phase fetches every invoice and line again, then keeps spans; offline reads the same', async () => {
    const box = new TestSecretBox();
    const world = await perTest.start({ invoices: 600, objects: ['Invoice'], payments: false }, { tuning: { pageSize: 200 }, secretBox: box, recordPhase: true });
    const { org, harness, dir } = world;
    expect((await harness.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
    const firstPhase = await recordPhaseEnded(harness, 1);
    expect(firstPhase.phase).toBe('done');
    await harness.dispose();

    // The copy as the previous version wrote it: the same chunks, a head without spans.
    const file = recordFile(dir);
    const bytes = readFileSync(file);
    const head = await decodeHead(box, async (offset, length) => bytes.subarray(offset, offset + length), bytes.length);
    expect(head.fields.spanMs).toBeGreaterThanOrEqual(0);
    delete head.fields.spanMs;
    delete head.lines!.spanMs;
    const sealedLength = bytes.readUInt32LE(bytes.length - 4);
    writeFileSync(file, Buffer.concat([bytes.subarray(0, bytes.length - 4 - sealedLength), await encodeHead(box, head)]));

    const again = await startHarness(org, dir, { tuning: { pageSize: 200 }, secretBox: box, recordPhase: true });
    world.harness = again;
    const changed = org.control.records('Invoice')[5]!.Id as string;
    org.control.updateInvoices([changed], { DueDate: '2030-03-03' });
    expect((await again.call('invoices.sync', { connectionId, mode: 'incremental' })).ok).toBe(true);
    const whole = await recordPhaseEnded(again, 1);
    expect(whole.phase).toBe('done');
    // Every invoice and every line, as the first (full) phase fetched.
    expect(whole.fetched).toBe(firstPhase.fetched);
    expect(await offlineField(again, changed, 'DueDate')).toBe('2030-03-03');
    const now = readFileSync(file);
    const kept = await decodeHead(box, async (offset, length) => now.subarray(offset, offset + length), now.length);
    expect(typeof kept.fields.spanMs).toBe('number');
    expect(typeof kept.lines!.spanMs).toBe('number');

    // From then on, incremental phases again.
    org.control.updateInvoices([changed], { DueDate: '2030-04-04' });
    expect((await again.call('invoices.sync', { connectionId, mode: 'incremental' })).ok).toBe(true);
    const next = await recordPhaseEnded(again, 2);
    expect(next.phase).toBe('done');
    expect(next.fetched).toBeLessThan(100);
    expect(await offlineField(again, changed, 'DueDate')).toBe('2030-04-04');
  }, 180_000);
});
