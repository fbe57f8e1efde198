import { expect } from 'vitest';
import type { InvoiceDetail } from '../../../electron/contract';
import { CONNECTION_ID as connectionId, type Harness } from '../invoices/support/invoice-harness';

/** An invoice's detail as the panel asks for it (online, or from the copies offline); the answer must be ok. */
export async function detail(harness: Harness, id: string): Promise<InvoiceDetail> {
  const answer = await harness.call('invoices.get', { connectionId, id });
  expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
  return answer.value as InvoiceDetail;
}

/** What the panel shows of a detail (not when it was fetched): the invoice, every field, the terms, the lines. */
export const shown = (d: InvoiceDetail) => ({ fields: d.fields, terms: d.terms ?? null, lines: d.lines });
