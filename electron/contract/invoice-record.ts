import { z } from 'zod';

/**
 * The background phase after a sync that keeps the whole record of every invoice (every readable field and its
 * lines) offline (issue #13): `fetching` while its queries page (`fetched` of `total` records, invoices and lines
 * together), `saving`, then `done`, `failed` (Salesforce out of reach, a fault: the previous copy stays; the next
 * sync tries again) or `cancelled`. Whatever the org's size: the phase writes its copy as the pages come.
 */
export const recordProgressSchema = z.object({
  connectionId: z.string().min(1).max(100),
  phase: z.enum(['fetching', 'saving', 'done', 'failed', 'cancelled']),
  fetched: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type RecordProgress = z.infer<typeof recordProgressSchema>;
