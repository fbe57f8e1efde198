import { z } from 'zod';

/**
 * An invoice's PDF as `invoices.document` answers it: the bytes (checked against Salesforce's Checksum or size before
 * they were kept) for the renderer to parse in its sandbox — the main process never parses a PDF.
 */
export const invoiceDocumentSchema = z.object({
  title: z.string(),
  bytes: z.instanceof(Uint8Array),
  /** When the kept copy was downloaded (ISO instant), when Salesforce was out of reach; null when fresh from Salesforce. */
  keptAt: z.string().nullable(),
});
export type InvoiceDocument = z.infer<typeof invoiceDocumentSchema>;

/**
 * "Keep PDFs of open invoices offline" (Settings): how far the background download of one connection's open invoices'
 * documents is. `running` while it goes; then `done` (all kept), `full` (the budget is used up), `stopped` (Salesforce
 * out of reach or signed out: the next sync resumes), `cancelled` (the user, or the setting switched off).
 * `done` counts the documents kept (or found kept already) of `total`; `skipped` those with no document or a bad one.
 */
export const prefetchProgressSchema = z.object({
  connectionId: z.string().min(1).max(100),
  state: z.enum(['running', 'done', 'full', 'stopped', 'cancelled']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  /** Bytes all kept PDFs take now, and the budget (Settings), for "62 MB of 500 MB". */
  keptBytes: z.number().nonnegative(),
  budgetBytes: z.number().nonnegative(),
});
export type PrefetchProgress = z.infer<typeof prefetchProgressSchema>;
