import { InvoiceCacheStore } from '../../../../electron/core/invoices/cache/cache-store';
import type { RelatedCopy } from '../../../../electron/core/invoices/related/related-copy';
import { MemoryLogger, type TestSecretBox } from '../../../support/test-ports';
import { CONNECTION_ID } from '../../invoices/support/invoice-harness';

/** Tunings of the two ways one org is synced: every related object through a Bulk job (threshold 1) in parts of 150, or REST pages only. */
export const BULK_EVERY_OBJECT = { pageSize: 200, bulkMinRecords: 1, bulkPartRecords: 150 };
export const REST_ONLY = { pageSize: 200, bulkMinRecords: Infinity };

/** The related copy as the file on disk holds it (read back with the test's key). */
export async function relatedOnDisk(dir: string, box: TestSecretBox): Promise<RelatedCopy> {
  const read = await new InvoiceCacheStore(dir, box, new MemoryLogger()).read(CONNECTION_ID);
  return read.snapshot!.related!;
}

/** A related copy comparable across two syncs: each object's records by id, without the time its query was read (`spanMs`). */
export const sortedById = (copy: RelatedCopy) => copy.objects.map((o) => ({ ...o, spanMs: undefined, records: [...o.records].sort((a, b) => (a.id < b.id ? -1 : 1)) }));
