import { mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrg, type RunningOrg } from '../../org';
import { tempDir, TestSecretBox } from '../../support/test-ports';
import { CONNECTION_ID, startHarness, type Harness } from './support/invoice-harness';
import { loginToOrg, type OrgTokens } from './support/org-login';

const connectionId = CONNECTION_ID;
type ListValue = { invoices: { id: string; balance: number | null }[]; warnings: string[] };

/**
 * An incremental sync answers before its journal record is on disk (invoice-repository.ts `applyIncremental`, session
 * 30): what the window and the next sync see meanwhile, and a record that cannot be written after the answer.
 * The kill at the answer is offline-cache.test.ts ("… a kill before the record is on disk …").
 */
describe('an incremental sync answers before its record is on disk', () => {
  let org: RunningOrg;
  let tokens: OrgTokens;
  const box = new TestSecretBox();
  const list = async (h: Harness) => (await h.call('invoices.list', { connectionId })).value as ListValue;
  const balances = (value: ListValue) => new Map(value.invoices.map((row) => [row.id, row.balance]));
  /** The org's invoices as a fresh full sync in a folder of its own reads them: an independent copy to compare with. */
  const fresh = async () => {
    const dir = tempDir();
    const other = await startHarness(org, dir.dir, { tokens, secretBox: new TestSecretBox() });
    try {
      expect((await other.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
      return await list(other);
    } finally {
      await other.dispose();
      dir.remove();
    }
  };

  beforeAll(async () => {
    org = await startOrg({ invoices: 2000, multiCurrency: true });
    tokens = await loginToOrg(org);
  });
  afterAll(async () => {
    await org?.stop();
  });

  it('a second sync right after the first answer sees its changes; both records land, in order, and a restart reads the same copy', async () => {
    const temp = tempDir();
    const app = await startHarness(org, temp.dir, { tokens, secretBox: box });
    try {
      expect((await app.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
      await app.module.idle();
      const ids = org.control.records('Invoice').map((record) => record.Id as string);
      org.control.updateInvoices(ids.slice(0, 40), { Balance: 0 });
      expect((await app.call('invoices.sync', { connectionId, mode: 'incremental' })).value).toMatchObject({ mode: 'incremental' });
      // No wait for the disk: the second sync starts while the first's record is still to be written.
      org.control.updateInvoices(ids.slice(20, 60), { Balance: 7 });
      expect((await app.call('invoices.sync', { connectionId, mode: 'incremental' })).value).toMatchObject({ mode: 'incremental' });
      const shown = await list(app);
      const seen = balances(shown);
      for (const id of ids.slice(0, 20)) expect(seen.get(id)).toBe(0);
      for (const id of ids.slice(20, 60)) expect(seen.get(id)).toBe(7);
      expect(shown.invoices).toEqual((await fresh()).invoices);
      await app.dispose();
      const reopened = await startHarness(org, temp.dir, { tokens, secretBox: box });
      expect((await list(reopened)).invoices).toEqual(shown.invoices);
      await reopened.dispose();
    } finally {
      temp.remove();
    }
  });

  it('a record that cannot be written after the answer: the changes are shown with a warning, and the next write is the whole copy, not a record after the missing one', async () => {
    const temp = tempDir();
    const cacheFile = () => join(temp.dir, 'invoices', readdirSync(join(temp.dir, 'invoices')).find((name) => name.endsWith('.cache'))!);
    const app = await startHarness(org, temp.dir, { tokens, secretBox: box });
    try {
      expect((await app.call('invoices.sync', { connectionId, mode: 'full' })).ok).toBe(true);
      await app.module.idle();
      const ids = org.control.records('Invoice').map((record) => record.Id as string);
      org.control.updateInvoices(ids.slice(100, 130), { Balance: 3 });
      const path = cacheFile();
      const previous = readFileSync(path);
      // The file's place taken by a folder: the record, written after the answer, cannot be (the copy is in memory: the
      // sync reads nothing of the file before).
      renameSync(path, `${path}.aside`);
      mkdirSync(path);
      expect((await app.call('invoices.sync', { connectionId, mode: 'incremental' })).value).toMatchObject({ mode: 'incremental' });
      await app.module.idle();
      const warned = await list(app);
      expect(warned.warnings.join(' ')).toMatch(/could not be saved for offline use/);
      for (const id of ids.slice(100, 130)) expect(balances(warned).get(id)).toBe(3);
      // The disk as it was before that sync (the previous copy), then one more change and sync.
      rmdirSync(path);
      renameSync(`${path}.aside`, path);
      expect(readFileSync(path).equals(previous)).toBe(true);
      org.control.updateInvoices(ids.slice(200, 210), { Balance: 5 });
      expect((await app.call('invoices.sync', { connectionId, mode: 'incremental' })).value).toMatchObject({ mode: 'incremental' });
      await app.module.idle();
      const shown = await list(app);
      expect(shown.warnings).toEqual([]);
      expect(shown.invoices).toEqual((await fresh()).invoices);
      await app.dispose();
      // Both syncs' changes on disk: a record of the second alone after the previous copy would have lost the first's.
      const reopened = await startHarness(org, temp.dir, { tokens, secretBox: box });
      const read = await list(reopened);
      expect(read.invoices).toEqual(shown.invoices);
      for (const id of ids.slice(100, 130)) expect(balances(read).get(id)).toBe(3);
      await reopened.dispose();
    } finally {
      temp.remove();
    }
  });
});
