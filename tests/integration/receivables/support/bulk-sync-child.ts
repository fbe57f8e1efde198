/**
 * Child process for the kill test of bulk-jobs-after-kill.test.ts: the invoices module over a data folder, signed in with
 * the given tokens, runs one full sync with every related object through a Bulk API 2.0 job, and is killed during it.
 * Usage: tsx bulk-sync-child.ts <orgUrl> <dataDir> <keyHex> <tokens as JSON>
 */
import type { RunningOrg } from '../../../org';
import { TestSecretBox } from '../../../support/test-ports';
import { CONNECTION_ID, startHarness } from '../../invoices/support/invoice-harness';

const [url, dataDir, keyHex, tokens] = process.argv.slice(2);
const app = await startHarness({ url } as RunningOrg, dataDir!, {
  tokens: JSON.parse(tokens!),
  secretBox: new TestSecretBox('os', Buffer.from(keyHex!, 'hex')),
  tuning: { pageSize: 200, bulkMinRecords: 1, bulkPartRecords: 150 },
});
process.stdout.write('syncing\n');
const sync = await app.call('invoices.sync', { connectionId: CONNECTION_ID, mode: 'full' });
process.stdout.write(`ended ${JSON.stringify(sync.ok)}\n`);
