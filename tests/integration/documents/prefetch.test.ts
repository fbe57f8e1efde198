import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvoiceDocument, PrefetchProgress } from '../../../electron/contract';
import { KeptDocuments } from '../../../electron/core/documents/kept-documents';
import { startOrg, type RunningOrg } from '../../org';
import { MemoryLogger, tempDir, TestSecretBox } from '../../support/test-ports';
import { CONNECTION_ID as connectionId, startHarness, type Harness } from '../invoices/support/invoice-harness';

const MB = 1024 * 1024;
const VERSION_DATA = '/services/data/v67.0/sobjects/ContentVersion/';

/** Sealed files under the data folder's document store (and any temp file left behind) with their total size. */
function onDisk(dir: string): { files: string[]; bytes: number } {
  const folder = join(dir, 'invoices');
  const files: string[] = [];
  for (const name of (() => { try { return readdirSync(folder); } catch { return []; } })()) {
    if (name.endsWith('.documents')) for (const file of readdirSync(join(folder, name))) files.push(join(folder, name, file));
  }
  return { files, bytes: files.reduce((sum, f) => sum + statSync(f).size, 0) };
}

/** The org's open invoices as the brief defines them (a balance, posted), newest invoice date first: computed from the org's records. */
function openInvoicesNewestFirst(org: RunningOrg): string[] {
  return org.control.records('Invoice')
    .filter((r) => Number(r.Balance ?? 0) !== 0 && r.Status === 'Posted')
    .sort((a, b) => String(b.InvoiceDate ?? '').localeCompare(String(a.InvoiceDate ?? '')) || String(b.DocumentNumber).localeCompare(String(a.DocumentNumber)))
    .map((r) => String(r.Id));
}

/** The progress events of the run the next sync (or switch) starts, until it ends. */
function nextRunEnd(harness: Harness): Promise<PrefetchProgress> {
  return new Promise((resolve) => {
    const stop = harness.events.listen((event, payload) => {
      const progress = payload as PrefetchProgress;
      if (event === 'invoices.prefetchProgress' && progress.state !== 'running') {
        stop();
        resolve(progress);
      }
    });
  });
}

/** What is kept, read back by a second reader of the same folder (the app started again). */
async function keptIds(dir: string, box: TestSecretBox): Promise<string[]> {
  const reader = new KeptDocuments(dir, box, () => true, new MemoryLogger(), { budgetBytes: () => Infinity, now: () => 0 });
  return (await reader.list(connectionId)).map((k) => k.invoiceId);
}

const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');

describe('keep PDFs of open invoices offline: within the budget, newest first, served with Salesforce gone', () => {
  let org: RunningOrg;
  let harness: Harness;
  const temp = tempDir();
  const box = new TestSecretBox();
  let open: string[];

  beforeAll(async () => {
    org = await startOrg({ invoices: 4000 });
    harness = await startHarness(org, temp.dir, { secretBox: box });
    open = openInvoicesNewestFirst(org);
  });
  afterAll(async () => {
    await harness?.dispose();
    await org?.stop().catch(() => undefined);
    temp.remove();
  });

  it('is off by default: a sync keeps no PDF', async () => {
    expect(harness.settings.get().keepPdfsOffline).toBe(false);
    expect((await harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    expect(harness.events.of('invoices.prefetchProgress')).toEqual([]);
    expect(onDisk(temp.dir).files).toEqual([]);
  });

  it('switched on with a 1 MB budget: the newest open invoices are kept until the budget is full, never more than 1 MB on disk', async () => {
    const ended = nextRunEnd(harness);
    harness.settings.update({ keepPdfsOffline: true, pdfBudgetMb: 1 });
    await harness.settings.settled();
    // Switching on starts it for a connection the user has open (its list was read).
    expect((await harness.call('invoices.list', { connectionId })).ok).toBe(true);
    expect((await harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    const end = await ended;
    expect(end).toMatchObject({ connectionId, state: 'full', total: open.length, budgetBytes: MB });
    const disk = onDisk(temp.dir);
    expect(disk.bytes).toBeLessThanOrEqual(MB);
    expect(disk.bytes).toBeGreaterThan(MB * 0.8);
    expect(end.keptBytes).toBe(disk.bytes);
    const kept = await keptIds(temp.dir, box);
    expect(kept.length).toBe(disk.files.length);
    expect(end.done).toBe(kept.length);
    expect(kept.length).toBeLessThan(open.length);
    // Newest first: the kept ones are the newest open invoices with a document (the ones without are skipped) — two
    // downloads at a time, so the one beside the first that did not fit may have been kept instead of it.
    const withDocument = open.filter((id) => org.control.documentOf(id) !== null);
    const positions = kept.map((id) => withDocument.indexOf(id)).sort((a, b) => a - b);
    expect(positions[0]).toBe(0);
    expect(positions.at(-1)).toBeLessThanOrEqual(kept.length);
    expect(positions.filter((p, i) => p !== i)).toHaveLength(positions.at(-1) === kept.length ? 1 : 0);
    // Progress was reported on the way, counting up.
    const runs = harness.events.of('invoices.prefetchProgress').filter((p) => p.state === 'running').map((p) => p.done);
    expect(runs.length).toBeGreaterThan(kept.length);
    expect(runs).toEqual([...runs].sort((a, b) => a - b));
  });

  it('a PDF the user opens evicts the least recently used one, and the disk stays within the budget', async () => {
    const paid = org.control.records('Invoice').find((r) => Number(r.Balance ?? 0) === 0 && org.control.documentOf(String(r.Id)) !== null)!;
    const before = await keptIds(temp.dir, box);
    const answer = await harness.call('invoices.document', { connectionId, id: paid.Id });
    expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
    const after = await keptIds(temp.dir, box);
    expect(after).toContain(String(paid.Id));
    expect(onDisk(temp.dir).bytes).toBeLessThanOrEqual(MB);
    const evicted = before.filter((id) => !after.includes(id));
    expect(evicted.length).toBeGreaterThan(0);
  });

  it('a lower budget evicts at once', async () => {
    harness.settings.update({ pdfBudgetMb: 0 });
    await harness.settings.settled();
    expect(onDisk(temp.dir).bytes).toBe(0);
    // Budget 0 and the setting on: a sync downloads nothing.
    const ended = nextRunEnd(harness);
    const versionDataBefore = org.control.counters().requests.record ?? 0;
    expect((await harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    expect((await ended).state).toBe('full');
    expect(org.control.counters().requests.record ?? 0).toBe(versionDataBefore);
    expect(onDisk(temp.dir).files).toEqual([]);
  });

  it('with Salesforce gone, the kept PDFs are served (the same bytes Salesforce described)', async () => {
    harness.settings.update({ pdfBudgetMb: 1 });
    const ended = nextRunEnd(harness);
    expect((await harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    expect((await ended).state).toBe('full');
    const kept = await keptIds(temp.dir, box);
    const checksums = new Map(kept.slice(0, 5).map((id) => [id, org.control.documentOf(id)!.checksum]));
    await org.stop();
    for (const [id, checksum] of checksums) {
      const answer = await harness.call('invoices.document', { connectionId, id });
      expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
      expect((answer.value as InvoiceDocument).keptAt).not.toBeNull();
      expect(md5((answer.value as InvoiceDocument).bytes)).toBe(checksum);
    }
  });
});

describe('keep PDFs of open invoices offline: what stops it', () => {
  let org: RunningOrg;
  let harness: Harness;
  const temp = tempDir();
  const box = new TestSecretBox();

  beforeAll(async () => {
    org = await startOrg({ invoices: 600 });
    harness = await startHarness(org, temp.dir, { secretBox: box });
    harness.settings.update({ keepPdfsOffline: true });
  });
  afterAll(async () => {
    await harness?.dispose();
    await org?.stop().catch(() => undefined);
    temp.remove();
  });

  /** Resolves at the first progress event of a run with at least `done` documents kept. */
  const whenDone = (done: number) => new Promise<void>((resolve) => {
    const stop = harness.events.listen((event, payload) => {
      if (event === 'invoices.prefetchProgress' && (payload as PrefetchProgress).done >= done) {
        stop();
        resolve();
      }
    });
  });
  /** Every kept file opens (sealed whole) and none is a temp file left behind. */
  const allWhole = async () => {
    const disk = onDisk(temp.dir);
    expect(disk.files.filter((f) => !f.endsWith('.pdf.sealed'))).toEqual([]);
    expect(await keptIds(temp.dir, box)).toHaveLength(disk.files.length);
    return disk.files.length;
  };

  it('the network dropping mid-way stops it with no partial file; the next sync resumes where it stopped', async () => {
    org.control.injectFault({ kind: 'latency', pathPrefix: VERSION_DATA, ms: 30, count: 1000 });
    const ended = nextRunEnd(harness);
    const some = whenDone(5).then(() => org.control.injectFault({ kind: 'drop', pathPrefix: VERSION_DATA, count: 2 }));
    expect((await harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    await some;
    const stopped = await ended;
    expect(stopped.state).toBe('stopped');
    expect(stopped.done).toBeLessThan(stopped.total - stopped.skipped);
    const keptBefore = await allWhole();
    expect(keptBefore).toBe(stopped.done);

    org.control.clearFaults();
    const resumed = nextRunEnd(harness);
    const downloadsBefore = org.control.counters().requests.record ?? 0;
    expect((await harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    const done = await resumed;
    expect(done.state).toBe('done');
    expect(done.done + done.skipped).toBe(done.total);
    // Only the ones not yet kept were downloaded.
    expect((org.control.counters().requests.record ?? 0) - downloadsBefore).toBe(done.done - keptBefore);
    expect(await allWhole()).toBe(done.done);
  });

  it('a document that fails its check is skipped and counted, and not downloaded again at the next sync', async () => {
    const kept = await keptIds(temp.dir, box);
    const victim = kept[0]!;
    org.control.reissueDocument(victim); // a new version, so the kept one is dropped at the next sync …
    org.control.setDocumentFault(victim, 'mismatch'); // … and the new one's bytes do not match its Checksum
    const first = nextRunEnd(harness);
    expect((await harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    const end = await first;
    expect(end.state).toBe('done');
    expect(await keptIds(temp.dir, box)).not.toContain(victim);
    const skippedBefore = end.skipped;
    const again = nextRunEnd(harness);
    const downloadsBefore = org.control.counters().requests.record ?? 0;
    expect((await harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    expect((await again).skipped).toBe(skippedBefore);
    expect(org.control.counters().requests.record ?? 0).toBe(downloadsBefore);
    org.control.setDocumentFault(victim, null);
  });

  it('switching it off stops it and keeps nothing new', async () => {
    // Start from nothing kept: a lower budget of 0 empties the folder, then the budget comes back.
    harness.settings.update({ pdfBudgetMb: 0 });
    await harness.settings.settled();
    harness.settings.update({ pdfBudgetMb: 500 });
    org.control.injectFault({ kind: 'latency', pathPrefix: VERSION_DATA, ms: 50, count: 1000 });
    const ended = nextRunEnd(harness);
    const some = whenDone(3);
    expect((await harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    await some;
    harness.settings.update({ keepPdfsOffline: false });
    await harness.settings.settled();
    const end = await ended;
    expect(end.state).toBe('cancelled');
    const kept = await allWhole();
    expect(kept).toBe(end.done);
    expect(kept).toBeLessThan(end.total - end.skipped);
    // Nothing arrives later: the downloads under way were abandoned.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await allWhole()).toBe(kept);
    // Off: a sync starts nothing.
    const events = harness.events.of('invoices.prefetchProgress').length;
    expect((await harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    expect(harness.events.of('invoices.prefetchProgress')).toHaveLength(events);
    org.control.clearFaults();
  });

  it('Cancel stops it until the next sync', async () => {
    harness.settings.update({ keepPdfsOffline: true });
    org.control.injectFault({ kind: 'latency', pathPrefix: VERSION_DATA, ms: 50, count: 1000 });
    const ended = nextRunEnd(harness);
    const some = whenDone(1);
    expect((await harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    await some;
    expect((await harness.call('invoices.cancelPrefetch', { connectionId })).ok).toBe(true);
    const end = await ended;
    expect(end.state).toBe('cancelled');
    expect(await allWhole()).toBe(end.done);
    org.control.clearFaults();
  });

  it('signing out stops it; the connection’s kept PDFs go and nothing is written after', async () => {
    org.control.injectFault({ kind: 'latency', pathPrefix: VERSION_DATA, ms: 50, count: 1000 });
    const ended = nextRunEnd(harness);
    const some = whenDone(1);
    expect((await harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    await some;
    await harness.directory.forget(connectionId);
    expect((await ended).state).toBe('stopped');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(onDisk(temp.dir).files).toEqual([]);
    org.control.clearFaults();
  });
});

describe('keep PDFs of open invoices offline without OS encryption', () => {
  let org: RunningOrg;
  let harness: Harness;
  const temp = tempDir();

  beforeAll(async () => {
    org = await startOrg({ invoices: 300 });
    // No OS encryption and weaker storage not allowed: nothing may be written, PDFs opened are kept in memory only.
    harness = await startHarness(org, temp.dir, { secretBox: new TestSecretBox('basic_text') });
    harness.settings.update({ keepPdfsOffline: true });
    await harness.settings.settled();
  });
  afterAll(async () => {
    await harness?.dispose();
    await org?.stop().catch(() => undefined);
    temp.remove();
  });

  it('downloads nothing in the background (it would fill the app’s memory up to the budget and keep nothing past a restart); an open PDF still shows', async () => {
    expect((await harness.call('invoices.list', { connectionId })).ok).toBe(true);
    expect((await harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    // Waits for a run, if one was started, to end: it would report how it ended.
    expect((await harness.call('invoices.cancelPrefetch', { connectionId })).ok).toBe(true);
    expect(harness.events.of('invoices.prefetchProgress')).toEqual([]);
    const withDocument = openInvoicesNewestFirst(org).find((id) => org.control.documentOf(id) !== null)!;
    const opened = await harness.call('invoices.document', { connectionId, id: withDocument });
    expect(opened.ok, JSON.stringify(opened.error)).toBe(true);
    expect(md5((opened.value as InvoiceDocument).bytes)).toBe(org.control.documentOf(withDocument)!.checksum);
    expect(onDisk(temp.dir).files).toEqual([]);
  });
});
