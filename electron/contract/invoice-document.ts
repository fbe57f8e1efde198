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
