import type { Snapshot } from '../snapshot/snapshot';
import { warmLedgerIndex } from './applied-ledger';
import { warmCustomerLedger } from './customer-ledger';

/**
 * The read indexes of a new copy, made in slices in the background (sliced-build.ts) while `wanted()`: `'screen'` the ledger's
 * (the first screen counts every invoice's figures with it: made before the screen is written after a sync), `'rest'` the
 * ledger's and then the customer view's (after the first screen, and after the start-up load). The first detail panel or
 * customer opened after a sync or a restart then finds them made (issue #13: 0.6 s at 100k invoices, BENCHMARKS session 31);
 * one opened mid-way finishes the build at once. invoice-repository.ts runs it (`readsOf`).
 */
export async function warmReads(snapshot: Snapshot, wanted: () => boolean, part: 'screen' | 'rest'): Promise<void> {
  await warmLedgerIndex(snapshot.related, wanted);
  if (part === 'rest') await warmCustomerLedger(snapshot.related, wanted);
}
