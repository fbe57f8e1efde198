import { z } from 'zod';
import { id, isoDate } from './models';

/**
 * Customer statements of account (issue #15). The renderer names a customer, a day and a period — never HTML or a
 * path: the main process asks where to save, renders the statement from the offline copy and writes the PDF.
 */

const customer = z.string().min(1).max(255);
/** The customer's account id (InvoiceRow.customerId) when the invoices have one: it decides whose invoices and payments, the name is printed. */
const account = id.optional();
/** The payments received in this period are listed (when the org's payments are synced). */
const period = z.strictObject({ from: isoDate, to: isoDate }).refine((p) => p.from <= p.to, { message: 'the period must start on or before its last day' });

export const statementInputSchema = z.strictObject({
  connectionId: id,
  customer,
  account,
  asOf: isoDate,
  period: period.optional(),
  /** 'save': the save dialog asks where; 'open': written to the app's temporary folder and opened in the OS's PDF viewer (Open and Print). */
  how: z.enum(['save', 'open']),
});

export const statementsInputSchema = z.strictObject({
  connectionId: id,
  /** A name, or a name with its account id (two accounts of one name are two statements). */
  customers: z.array(z.union([customer, z.strictObject({ name: customer, account })])).min(1).max(10_000),
  asOf: isoDate,
  period: period.optional(),
});

export const statementsResultSchema = z.object({
  /** The folder chosen; null when the user cancelled the folder dialog (nothing written). */
  folder: z.string().nullable(),
  written: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Stopped by `statements.cancel`: the files written before stay, the rest were not made. */
  cancelled: z.boolean(),
});

export const statementsProgressSchema = z.object({ written: z.number().int(), total: z.number().int() });
