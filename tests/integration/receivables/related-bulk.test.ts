import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrg, type RunningOrg } from '../../org';
import { tempDir, TestSecretBox } from '../../support/test-ports';
import { CONNECTION_ID as connectionId, startHarness, type Harness } from '../invoices/support/invoice-harness';
import { BULK_EVERY_OBJECT, relatedOnDisk, REST_ONLY, sortedById } from './support/related-on-disk';

/**
 * A full sync fetches the large related objects as Bulk API 2.0 query jobs (CSV parts), the rest and every incremental
 * sync through REST pages. Proof that the readers' meaning is unchanged: the related copy a bulk sync writes is the one
 * a REST sync writes of the same org, record for record, key for key, watermark for watermark (not the time each query
 * was being read, `spanMs`, sync/overlap.ts: measured, a job's whole time against 0 for REST's one page).
 */
/** A job's looks and results parts (the app asks for the org's latest version, 67.0). */
const JOBS = '/services/data/v67.0/jobs/query/';
/** Follow-up pages of REST queries (`/query/<locator>`): with every related object through jobs, only the invoices' have any. */
const NEXT_PAGES = '/services/data/v67.0/query/';

const jobsAsked = (org: RunningOrg) => org.control.counters().requests.jobs ?? 0;

for (const shape of ['Invoice', 'blng__Invoice__c'] as const) {
  describe(`related records through Bulk API 2.0 (${shape})`, () => {
    let org: RunningOrg;
    const bulkDir = tempDir();
    const restDir = tempDir();
    const box = new TestSecretBox();
    let bulk: Harness;
    let rest: Harness;
    beforeAll(async () => {
      org = await startOrg({ invoices: 600, objects: [shape], multiCurrency: true, batchSize: 200 });
      // Every related object through a job (threshold 1), in parts of 150 records: several parts each.
      bulk = await startHarness(org, bulkDir.dir, { tuning: BULK_EVERY_OBJECT, secretBox: box });
      rest = await startHarness(org, restDir.dir, { tuning: REST_ONLY, secretBox: box, tokens: bulk.tokens });
    });
    afterAll(async () => {
      await bulk?.dispose();
      await rest?.dispose();
      await org?.stop();
      bulkDir.remove();
      restDir.remove();
    });

    it('a full sync through jobs writes the same related copy as one through REST pages, and the same figures', async () => {
      org.control.resetCounters();
      const viaRest = await rest.call('invoices.sync', { connectionId, mode: 'full' });
      expect(viaRest.ok, JSON.stringify(viaRest.error)).toBe(true);
      expect(jobsAsked(org)).toBe(0);
      const viaBulk = await bulk.call('invoices.sync', { connectionId, mode: 'full' });
      expect(viaBulk.ok, JSON.stringify(viaBulk.error)).toBe(true);
      const byBulk = await relatedOnDisk(bulkDir.dir, box);
      const byRest = await relatedOnDisk(restDir.dir, box);
      const objects = byRest.objects.filter((o) => !['currency', 'datedRate'].includes(o.role));
      expect(objects.length).toBeGreaterThanOrEqual(4);
      expect(objects.every((o) => o.records.length > 0)).toBe(true);
      // Several parts per large object: create + ≥ 2 looks + ≥ 1 results part per object.
      expect(jobsAsked(org)).toBeGreaterThan(objects.length * 4);
      expect(sortedById(byBulk)).toEqual(sortedById(byRest));
      // Same keys in the same order as REST made them (what the file's cells are named after).
      for (const [i, o] of byRest.objects.entries()) expect(Object.keys(byBulk.objects[i]!.records[0] ?? {})).toEqual(Object.keys(o.records[0] ?? {}));
      expect(byBulk.warnings).toEqual(byRest.warnings);
      const summary = async (h: Harness) => (await h.call('invoices.receivablesSummary', { connectionId })).value;
      expect(await summary(bulk)).toEqual(await summary(rest));
      const ids = ((await rest.call('invoices.list', { connectionId })).value.invoices as { id: string }[]).filter((_, i) => i % 10 === 0).map((i) => i.id);
      for (const id of ids) {
        expect((await bulk.call('invoices.receivables', { connectionId, id })).value, id).toEqual((await rest.call('invoices.receivables', { connectionId, id })).value);
      }
    });

    it('an incremental sync stays on REST, from the watermark the bulk sync kept', async () => {
      const open = org.control.records(shape).map((i) => i.Id as string);
      org.control.applyPayment(open[3]!, 1);
      const before = jobsAsked(org);
      for (const h of [bulk, rest]) {
        const sync = await h.call('invoices.sync', { connectionId, mode: 'incremental' });
        expect(sync.ok, JSON.stringify(sync.error)).toBe(true);
        expect(sync.value.mode).toBe('incremental');
      }
      expect(jobsAsked(org)).toBe(before);
      // The incremental's journal record is written after its answer (e673509): read the files once both are written.
      await Promise.all([bulk.module.idle(), rest.module.idle()]);
      const onDisk = sortedById(await relatedOnDisk(bulkDir.dir, box));
      // The file holds the incremental's change (the payment just applied), not the copy before it.
      const applied = org.control.records(shape === 'Invoice' ? 'PaymentLineInvoice' : 'blng__PaymentAllocationInvoice__c').at(-1)!.Id as string;
      expect(onDisk.some((o) => o.records.some((r) => r.id === applied))).toBe(true);
      expect(onDisk).toEqual(sortedById(await relatedOnDisk(restDir.dir, box)));
      const id = open[3]!;
      expect((await bulk.call('invoices.receivables', { connectionId, id })).value).toEqual((await rest.call('invoices.receivables', { connectionId, id })).value);
    });

    if (shape !== 'Invoice') return;

    it('counts first (SELECT COUNT()): only objects of at least the threshold go through jobs, the copy is the same', async () => {
      const want = sortedById(await relatedOnDisk(restDir.dir, box));
      const sizes = new Map(want.map((o) => [o.object, o.records.length]));
      const threshold = Math.max(...sizes.values());
      expect([...sizes.values()].filter((n) => n >= threshold)).toHaveLength(1);
      for (const [min, jobs] of [[threshold + 1, false], [threshold, true]] as const) {
        const dir = tempDir();
        const h = await startHarness(org, dir.dir, { tuning: { pageSize: 200, bulkMinRecords: min }, secretBox: box, tokens: bulk.tokens });
        try {
          const before = jobsAsked(org);
          expect((await h.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
          // One object at the threshold: one job (create, two looks, its parts of 50,000, delete) — none above it.
          expect(jobsAsked(org) - before).toBe(jobs ? 5 : 0);
          expect(sortedById(await relatedOnDisk(dir.dir, box))).toEqual(sortedById(await relatedOnDisk(restDir.dir, box)));
        } finally {
          await h.dispose();
          dir.remove();
        }
      }
    });

    it('text CSV could mangle comes through as REST gives it: quotes, commas, line breaks, formulas, leading zeros, numbers as text, non-ASCII', async () => {
      const hostile = ['=1+1', 'He said "hi", then left', 'Line one\nline two', 'CR\r\nLF, "both"', '007', '1e5', ' padded ', 'Müller & Söhne — 株式会社 🧾', '"', ',', 'null', 'true'];
      const accounts = org.control.records('Account').map((a) => a.Id as string);
      hostile.forEach((name, i) => org.control.renameAccount(accounts[i]!, name));
      for (const h of [rest, bulk]) expect((await h.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
      const byBulk = await relatedOnDisk(bulkDir.dir, box);
      expect(sortedById(byBulk)).toEqual(sortedById(await relatedOnDisk(restDir.dir, box)));
      // Every hostile name is in the copy as it is in Salesforce (not turned into a number, a boolean or a formula's value).
      const names = new Set(byBulk.objects.flatMap((o) => o.records.map((r) => r.accountName)));
      for (const name of hostile) expect(names.has(name), JSON.stringify(name)).toBe(true);
    });

    it("the invoices' query starting over after the jobs' parts were written writes them again: the same copy as REST", async () => {
      const firstPages = () => org.control.counters().requests.query ?? 0;
      org.control.clearFaults();
      const before = firstPages();
      expect((await bulk.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
      const plain = firstPages() - before;
      // The invoices' first follow-up page is slow (every related job is fetched and its parts sealed into the new file
      // meanwhile, the parts' bytes let go), then its cursor has expired: the file starts again after its header, and the
      // parts are written again from their text.
      org.control.injectFault({ kind: 'latency', ms: 2_500, count: 1, pathPrefix: NEXT_PAGES });
      org.control.injectFault({ kind: 'invalidLocator', count: 1, pathPrefix: NEXT_PAGES });
      const start = firstPages();
      const sync = await bulk.call('invoices.sync', { connectionId, mode: 'full' });
      org.control.clearFaults();
      expect(sync.ok, JSON.stringify(sync.error)).toBe(true);
      expect(firstPages() - start).toBe(plain + 1);
      expect((await rest.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
      const byBulk = await relatedOnDisk(bulkDir.dir, box);
      expect(byBulk.objects.filter((o) => o.records.length > 0).length).toBeGreaterThanOrEqual(4);
      expect(sortedById(byBulk)).toEqual(sortedById(await relatedOnDisk(restDir.dir, box)));
      expect((await bulk.call('invoices.list', { connectionId })).value.invoices).toHaveLength(600);
    });

    const files = () => readdirSync(join(bulkDir.dir, 'invoices')).filter((n) => n.endsWith('.cache')).map((n) => readFileSync(join(bulkDir.dir, 'invoices', n)));

    it('a job that fails in Salesforce is a clear error and keeps the previous copy byte for byte', async () => {
      const before = files();
      org.control.injectFault({ kind: 'bulkJobFailed', soqlContains: 'FROM PaymentLineInvoice' });
      const sync = await bulk.call('invoices.sync', { connectionId, mode: 'full' });
      expect(sync.ok).toBe(false);
      expect(sync.error?.message).toContain('could not run the bulk query of PaymentLineInvoice');
      expect(sync.error?.message).toContain('the query timed out');
      expect(files()).toEqual(before);
      org.control.clearFaults();
    });

    it('a results part that fails (5xx, or cut mid-body) is asked for again with its locator: the same copy', async () => {
      expect((await bulk.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
      const before = await relatedOnDisk(bulkDir.dir, box);
      const clean = jobsAsked(org);
      expect((await bulk.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
      const perSync = jobsAsked(org) - clean;
      org.control.injectFault({ kind: 'http503', count: 2, pathPrefix: JOBS });
      org.control.injectFault({ kind: 'drop', count: 1, pathPrefix: JOBS });
      const start = jobsAsked(org);
      const sync = await bulk.call('invoices.sync', { connectionId, mode: 'full' });
      expect(sync.ok, JSON.stringify(sync.error)).toBe(true);
      // Each failure was asked for again (a look cut mid-body had moved the job on: one look fewer after it).
      expect(jobsAsked(org) - start).toBeGreaterThanOrEqual(perSync + 2);
      expect(jobsAsked(org) - start).toBeLessThanOrEqual(perSync + 3);
      expect(sortedById(await relatedOnDisk(bulkDir.dir, box))).toEqual(sortedById(before));
      org.control.clearFaults();
    });

    // A job the sync is done with is deleted, one it gives up on is aborted and deleted: none left behind in the org.
    const jobsLeft = () => org.control.bulkJobs();

    it('a full sync through jobs deletes each job once its results are read: none left behind in the org', async () => {
      expect((await bulk.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
      expect(jobsLeft()).toEqual([]);
    });

    it('a results part that lost a line (fewer records than Sforce-NumberOfRecords) is a clear error: the previous copy kept, nothing left', async () => {
      const before = files();
      org.control.injectFault({ kind: 'bulkPartShort', count: 1, pathPrefix: JOBS });
      const sync = await bulk.call('invoices.sync', { connectionId, mode: 'full' });
      expect(sync.ok).toBe(false);
      expect(sync.error?.message).toContain('incomplete');
      expect(files()).toEqual(before);
      org.control.clearFaults();
      await expect.poll(jobsLeft).toEqual([]);
    });

    it("a results part whose Sforce-NumberOfRecords disagrees with the records it holds is a clear error, though the job's total is right: the previous copy byte-identical", async () => {
      const before = files();
      // The part's CSV is whole and the job's numberRecordsProcessed right: only the part's own header says something is wrong.
      org.control.injectFault({ kind: 'bulkPartCountOff', count: 1, pathPrefix: JOBS });
      const sync = await bulk.call('invoices.sync', { connectionId, mode: 'full' });
      expect(sync.ok).toBe(false);
      expect(sync.error?.code).toBe('SALESFORCE_ERROR');
      expect(sync.error?.message).toMatch(/^Salesforce sent incomplete results for the bulk query of /);
      expect(files()).toEqual(before);
      org.control.clearFaults();
      await expect.poll(jobsLeft).toEqual([]);
    });

    it('a locator that leads back to a part already read is a clear error, not records read twice (or a loop without end)', async () => {
      const before = files();
      org.control.injectFault({ kind: 'bulkLocatorLoop', count: 1_000, pathPrefix: JOBS });
      const sync = await bulk.call('invoices.sync', { connectionId, mode: 'full' });
      expect(sync.ok).toBe(false);
      expect(sync.error?.message).toContain('incomplete');
      expect(files()).toEqual(before);
      org.control.clearFaults();
      await expect.poll(jobsLeft).toEqual([]);
    });

    it('a job found Failed is deleted too', async () => {
      org.control.injectFault({ kind: 'bulkJobFailed', soqlContains: 'FROM PaymentLineInvoice' });
      expect((await bulk.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(false);
      org.control.clearFaults();
      await expect.poll(jobsLeft).toEqual([]);
    });

    it('cancel while a job runs: CANCELLED, the previous copy kept byte for byte', async () => {
      const before = files();
      org.control.injectFault({ kind: 'latency', ms: 400, count: 50, pathPrefix: '/services/data/v67.0/jobs/query' });
      const start = jobsAsked(org);
      const sync = bulk.call('invoices.sync', { connectionId, mode: 'full' });
      // Jobs created and being looked at (slowly): cancel then.
      while (jobsAsked(org) < start + 3) await new Promise((resolve) => setTimeout(resolve, 10));
      expect((await bulk.call('invoices.cancelSync', { connectionId })).ok).toBe(true);
      expect((await sync).error?.code).toBe('CANCELLED');
      expect(files()).toEqual(before);
      org.control.clearFaults();
      // The jobs it had running are aborted in Salesforce and deleted, not left to run on.
      await expect.poll(jobsLeft, { timeout: 15_000 }).toEqual([]);
    });

    it("cancel while a job's creation is being answered: CANCELLED at once, and the job Salesforce made is deleted once its id comes back", async () => {
      const before = files();
      // Each job exists at the org as soon as it is asked for; the answer naming it is held until the faults are cleared.
      org.control.injectFault({ kind: 'bulkCreateHeld', count: 100 });
      const sync = bulk.call('invoices.sync', { connectionId, mode: 'full' });
      await expect.poll(() => jobsLeft().length, { timeout: 15_000 }).toBeGreaterThan(0);
      expect((await bulk.call('invoices.cancelSync', { connectionId })).ok).toBe(true);
      // Answered without the held answers: the jobs are still at the org, their ids not come back yet.
      expect((await sync).error?.code).toBe('CANCELLED');
      expect(jobsLeft().length).toBeGreaterThan(0);
      expect(files()).toEqual(before);
      org.control.clearFaults();
      await expect.poll(jobsLeft, { timeout: 15_000 }).toEqual([]);
    });
  });
}
