import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useOrgHarness } from '../../support/org-setup';
import type { InvoiceDocument, PrefetchProgress } from '../../../electron/contract';
import { KeptDocuments } from '../../../electron/core/documents/kept-documents';
import type { RunningOrg } from '../../org';
import { MemoryLogger, TestSecretBox } from '../../support/test-ports';
import { CONNECTION_ID as connectionId, type Harness } from '../invoices/support/invoice-harness';

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
  const box = new TestSecretBox();
  const world = useOrgHarness({ invoices: 4000 }, { secretBox: box });
  let open: string[];

  beforeAll(() => {
    open = openInvoicesNewestFirst(world.org);
  });

  it('is off by default: a sync keeps no PDF', async () => {
    expect(world.harness.settings.get().keepPdfsOffline).toBe(false);
    expect((await world.harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    expect(world.harness.events.of('invoices.prefetchProgress')).toEqual([]);
    expect(onDisk(world.dir).files).toEqual([]);
  });

  it('switched on with a 1 MB budget: the newest open invoices are kept until the budget is full, never more than 1 MB on disk', async () => {
    const ended = nextRunEnd(world.harness);
    world.harness.settings.update({ keepPdfsOffline: true, pdfBudgetMb: 1 });
    await world.harness.settings.settled();
    // Switching on starts it for a connection the user has open (its list was read).
    expect((await world.harness.call('invoices.list', { connectionId })).ok).toBe(true);
    expect((await world.harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    const end = await ended;
    expect(end).toMatchObject({ connectionId, state: 'full', total: open.length, budgetBytes: MB });
    const disk = onDisk(world.dir);
    expect(disk.bytes).toBeLessThanOrEqual(MB);
    expect(disk.bytes).toBeGreaterThan(MB * 0.8);
    expect(end.keptBytes).toBe(disk.bytes);
    const kept = await keptIds(world.dir, box);
    expect(kept.length).toBe(disk.files.length);
    expect(end.done).toBe(kept.length);
    expect(kept.length).toBeLessThan(open.length);
    // Newest first: the kept ones are the newest open invoices with a document (the ones without are skipped) — two
    // downloads at a time, so the one beside the first that did not fit may have been kept instead of it.
    const withDocument = open.filter((id) => world.org.control.documentOf(id) !== null);
    const positions = kept.map((id) => withDocument.indexOf(id)).sort((a, b) => a - b);
    expect(positions[0]).toBe(0);
    expect(positions.at(-1)).toBeLessThanOrEqual(kept.length);
    expect(positions.filter((p, i) => p !== i)).toHaveLength(positions.at(-1) === kept.length ? 1 : 0);
    // Progress was reported on the way, counting up.
    const runs = world.harness.events.of('invoices.prefetchProgress').filter((p) => p.state === 'running').map((p) => p.done);
    expect(runs.length).toBeGreaterThan(kept.length);
    expect(runs).toEqual([...runs].sort((a, b) => a - b));
  });

  it('a PDF the user opens evicts the least recently used one, and the disk stays within the budget', async () => {
    const paid = world.org.control.records('Invoice').find((r) => Number(r.Balance ?? 0) === 0 && world.org.control.documentOf(String(r.Id)) !== null)!;
    const before = await keptIds(world.dir, box);
    const answer = await world.harness.call('invoices.document', { connectionId, id: paid.Id });
    expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
    const after = await keptIds(world.dir, box);
    expect(after).toContain(String(paid.Id));
    expect(onDisk(world.dir).bytes).toBeLessThanOrEqual(MB);
    const evicted = before.filter((id) => !after.includes(id));
    expect(evicted.length).toBeGreaterThan(0);
  });

  it('a lower budget evicts at once', async () => {
    world.harness.settings.update({ pdfBudgetMb: 0 });
    await world.harness.settings.settled();
    expect(onDisk(world.dir).bytes).toBe(0);
    // Budget 0 and the setting on: a sync downloads nothing.
    const ended = nextRunEnd(world.harness);
    const versionDataBefore = world.org.control.counters().requests.record ?? 0;
    expect((await world.harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    expect((await ended).state).toBe('full');
    expect(world.org.control.counters().requests.record ?? 0).toBe(versionDataBefore);
    expect(onDisk(world.dir).files).toEqual([]);
  });

  it('with Salesforce gone, the kept PDFs are served (the same bytes Salesforce described)', async () => {
    world.harness.settings.update({ pdfBudgetMb: 1 });
    const ended = nextRunEnd(world.harness);
    expect((await world.harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    expect((await ended).state).toBe('full');
    const kept = await keptIds(world.dir, box);
    const checksums = new Map(kept.slice(0, 5).map((id) => [id, world.org.control.documentOf(id)!.checksum]));
    await world.org.stop();
    for (const [id, checksum] of checksums) {
      const answer = await world.harness.call('invoices.document', { connectionId, id });
      expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
      expect((answer.value as InvoiceDocument).keptAt).not.toBeNull();
      expect(md5((answer.value as InvoiceDocument).bytes)).toBe(checksum);
    }
  });
});

describe('keep PDFs of open invoices offline: what stops it', () => {
  const box = new TestSecretBox();
  const world = useOrgHarness({ invoices: 600 }, { secretBox: box });
  beforeAll(() => {
    world.harness.settings.update({ keepPdfsOffline: true });
  });

  /** Resolves at the first progress event of a run with at least `done` documents kept. */
  const whenDone = (done: number) => new Promise<void>((resolve) => {
    const stop = world.harness.events.listen((event, payload) => {
      if (event === 'invoices.prefetchProgress' && (payload as PrefetchProgress).done >= done) {
        stop();
        resolve();
      }
    });
  });
  /** Every kept file opens (sealed whole) and none is a temp file left behind. */
  const allWhole = async () => {
    const disk = onDisk(world.dir);
    expect(disk.files.filter((f) => !f.endsWith('.pdf.sealed'))).toEqual([]);
    expect(await keptIds(world.dir, box)).toHaveLength(disk.files.length);
    return disk.files.length;
  };

  it('the network dropping mid-way stops it with no partial file; the next sync resumes where it stopped', async () => {
    world.org.control.injectFault({ kind: 'latency', pathPrefix: VERSION_DATA, ms: 30, count: 1000 });
    const ended = nextRunEnd(world.harness);
    const some = whenDone(5).then(() => world.org.control.injectFault({ kind: 'drop', pathPrefix: VERSION_DATA, count: 2 }));
    expect((await world.harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    await some;
    const stopped = await ended;
    expect(stopped.state).toBe('stopped');
    expect(stopped.done).toBeLessThan(stopped.total - stopped.skipped);
    const keptBefore = await allWhole();
    expect(keptBefore).toBe(stopped.done);

    world.org.control.clearFaults();
    const resumed = nextRunEnd(world.harness);
    const downloadsBefore = world.org.control.counters().requests.record ?? 0;
    expect((await world.harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    const done = await resumed;
    expect(done.state).toBe('done');
    expect(done.done + done.skipped).toBe(done.total);
    // Only the ones not yet kept were downloaded.
    expect((world.org.control.counters().requests.record ?? 0) - downloadsBefore).toBe(done.done - keptBefore);
    expect(await allWhole()).toBe(done.done);
  });

  it('a document that fails its check is skipped and counted, and not downloaded again at the next sync', async () => {
    const kept = await keptIds(world.dir, box);
    const victim = kept[0]!;
    world.org.control.reissueDocument(victim); // a new version, so the kept one is dropped at the next sync …
    world.org.control.setDocumentFault(victim, 'mismatch'); // … and the new one's bytes do not match its Checksum
    const first = nextRunEnd(world.harness);
    expect((await world.harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    const end = await first;
    expect(end.state).toBe('done');
    expect(await keptIds(world.dir, box)).not.toContain(victim);
    const skippedBefore = end.skipped;
    const again = nextRunEnd(world.harness);
    const downloadsBefore = world.org.control.counters().requests.record ?? 0;
    expect((await world.harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    expect((await again).skipped).toBe(skippedBefore);
    expect(world.org.control.counters().requests.record ?? 0).toBe(downloadsBefore);
    world.org.control.setDocumentFault(victim, null);
  });

  it('switching it off stops it and keeps nothing new', async () => {
    // Start from nothing kept: a lower budget of 0 empties the folder, then the budget comes back.
    world.harness.settings.update({ pdfBudgetMb: 0 });
    await world.harness.settings.settled();
    world.harness.settings.update({ pdfBudgetMb: 500 });
    world.org.control.injectFault({ kind: 'latency', pathPrefix: VERSION_DATA, ms: 50, count: 1000 });
    const ended = nextRunEnd(world.harness);
    const some = whenDone(3);
    expect((await world.harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    await some;
    world.harness.settings.update({ keepPdfsOffline: false });
    await world.harness.settings.settled();
    const end = await ended;
    expect(end.state).toBe('cancelled');
    const kept = await allWhole();
    expect(kept).toBe(end.done);
    expect(kept).toBeLessThan(end.total - end.skipped);
    // Nothing arrives later: the downloads under way were abandoned.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await allWhole()).toBe(kept);
    // Off: a sync starts nothing.
    const events = world.harness.events.of('invoices.prefetchProgress').length;
    expect((await world.harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    expect(world.harness.events.of('invoices.prefetchProgress')).toHaveLength(events);
    world.org.control.clearFaults();
  });

  it('Cancel stops it until the next sync', async () => {
    world.harness.settings.update({ keepPdfsOffline: true });
    world.org.control.injectFault({ kind: 'latency', pathPrefix: VERSION_DATA, ms: 50, count: 1000 });
    const ended = nextRunEnd(world.harness);
    const some = whenDone(1);
    expect((await world.harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    await some;
    expect((await world.harness.call('invoices.cancelPrefetch', { connectionId })).ok).toBe(true);
    const end = await ended;
    expect(end.state).toBe('cancelled');
    expect(await allWhole()).toBe(end.done);
    world.org.control.clearFaults();
  });

  it('signing out stops it; the connection’s kept PDFs go and nothing is written after', async () => {
    world.org.control.injectFault({ kind: 'latency', pathPrefix: VERSION_DATA, ms: 50, count: 1000 });
    const ended = nextRunEnd(world.harness);
    const some = whenDone(1);
    expect((await world.harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    await some;
    await world.harness.directory.forget(connectionId);
    expect((await ended).state).toBe('stopped');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(onDisk(world.dir).files).toEqual([]);
    world.org.control.clearFaults();
  });
});

describe('keep PDFs of open invoices offline without OS encryption', () => {
  // No OS encryption and weaker storage not allowed: nothing may be written, PDFs opened are kept in memory only.
  const world = useOrgHarness({ invoices: 300 }, { secretBox: new TestSecretBox('basic_text') });
  beforeAll(async () => {
    world.harness.settings.update({ keepPdfsOffline: true });
    await world.harness.settings.settled();
  });

  it('downloads nothing in the background (it would fill the app’s memory up to the budget and keep nothing past a restart); an open PDF still shows', async () => {
    expect((await world.harness.call('invoices.list', { connectionId })).ok).toBe(true);
    expect((await world.harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    // Waits for a run, if one was started, to end: it would report how it ended.
    expect((await world.harness.call('invoices.cancelPrefetch', { connectionId })).ok).toBe(true);
    expect(world.harness.events.of('invoices.prefetchProgress')).toEqual([]);
    const withDocument = openInvoicesNewestFirst(world.org).find((id) => world.org.control.documentOf(id) !== null)!;
    const opened = await world.harness.call('invoices.document', { connectionId, id: withDocument });
    expect(opened.ok, JSON.stringify(opened.error)).toBe(true);
    expect(md5((opened.value as InvoiceDocument).bytes)).toBe(world.org.control.documentOf(withDocument)!.checksum);
    expect(onDisk(world.dir).files).toEqual([]);
  });
});
