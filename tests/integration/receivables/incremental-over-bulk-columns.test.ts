import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrg, type RunningOrg } from '../../org';
import { tempDir, TestSecretBox } from '../../support/test-ports';
import { CONNECTION_ID as connectionId, startHarness, type Harness } from '../invoices/support/invoice-harness';
import { BULK_EVERY_OBJECT, relatedOnDisk, REST_ONLY, sortedById } from './support/related-on-disk';

/**
 * At 100k the related objects are kept as Bulk CSV columns and an incremental merges its changes over them (MergedTable);
 * the other receivables tests' orgs are under the Bulk threshold. Here one org is synced twice — as Bulk columns (threshold 1)
 * and as REST records — and after the control API's realistic day (payments applied and deleted, applications reversed,
 * credit notes) every figure and the copy on disk must be the same both ways, after a reopen and another day too.
 * Fails on "a deleted id keeps its row" in the merged table (review32, session 32).
 */

for (const shape of ['Invoice', 'blng__Invoice__c'] as const) {
  describe(`an incremental with deletions over a copy kept as Bulk columns (${shape})`, () => {
    let org: RunningOrg;
    const bulkDir = tempDir();
    const restDir = tempDir();
    const box = new TestSecretBox();
    let bulk: Harness;
    let rest: Harness;
    beforeAll(async () => {
      org = await startOrg({ invoices: 600, objects: [shape], multiCurrency: true, batchSize: 200, payments: true });
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
    it('same copy and figures as REST after changeReceivables (applied, reversed, credited, deleted)', async () => {
      for (const h of [rest, bulk]) expect((await h.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
      const ids = org.control.records(shape).map((i) => i.Id as string);
      const day = org.control.changeReceivables(ids.filter((_, i) => i % 6 === 0));
      // The day must hold what the merged table is tested on: deletions and reversals, not only new applications.
      expect(day.operations.deletePayment).toBeGreaterThan(0);
      expect(day.operations.reverseApplication).toBeGreaterThan(0);
      for (const h of [bulk, rest]) {
        const sync = await h.call('invoices.sync', { connectionId, mode: 'incremental' });
        expect(sync.ok, JSON.stringify(sync.error)).toBe(true);
      }
      const summary = async (h: Harness) => (await h.call('invoices.receivablesSummary', { connectionId })).value;
      expect(await summary(bulk)).toEqual(await summary(rest));
      for (const id of ids) expect((await bulk.call('invoices.receivables', { connectionId, id })).value, id).toEqual((await rest.call('invoices.receivables', { connectionId, id })).value);
      await bulk.dispose();
      await rest.dispose();
      const onDisk = [sortedById(await relatedOnDisk(bulkDir.dir, box)), sortedById(await relatedOnDisk(restDir.dir, box))];
      bulk = await startHarness(org, bulkDir.dir, { tuning: BULK_EVERY_OBJECT, secretBox: box, tokens: rest.tokens });
      rest = await startHarness(org, restDir.dir, { tuning: REST_ONLY, secretBox: box, tokens: rest.tokens });
      expect(await summary(bulk), 'after reopen').toEqual(await summary(rest));
      expect(onDisk[0]).toEqual(onDisk[1]);
      // Reopened from disk, another day's changes, another incremental on both.
      org.control.changeReceivables(ids.filter((_, i) => i % 6 === 3));
      for (const h of [bulk, rest]) expect((await h.call('invoices.sync', { connectionId, mode: 'incremental' })).ok).toBe(true);
      expect(await summary(bulk), 'after reopen + incremental').toEqual(await summary(rest));
      for (const id of ids) expect((await bulk.call('invoices.receivables', { connectionId, id })).value, id).toEqual((await rest.call('invoices.receivables', { connectionId, id })).value);
    });
  });
}
