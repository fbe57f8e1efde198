import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../rest/respond.ts';
import type { OrgControl } from '../types.ts';

const PARAMS: Record<keyof OrgControl, string[]> = {
  records: ['objectName'], createInvoices: ['count', 'objectName'], updateInvoices: ['ids', 'patch'],
  deleteInvoices: ['ids'], editInvoiceLine: ['lineId', 'patch'], deleteInvoiceLines: ['lineIds'], revokeAllTokens: [], expireSessions: [], expireRefreshTokens: [], setRotation: ['on'], setTokenUrls: ['urls'],
  setFieldHidden: ['objectName', 'fieldName', 'hidden'], setObjectHidden: ['objectName', 'hidden'],
  setCurrency: ['isoCode', 'patch'], enableMultiCurrency: [], addRatePeriod: ['isoCode', 'conversionRate', 'startDate', 'nextStartDate'],
  setRate: ['isoCode', 'conversionRate', 'startDate'], injectFault: ['fault'], clearFaults: [], bulkJobs: [],
  counters: [], resetCounters: [], setApiUsage: ['used'],
  applyPayment: ['invoiceId', 'amount', 'when'], reverseApplication: ['applicationId', 'effectiveAt'], setApplicationAmount: ['applicationId', 'amount'], changeReceivables: ['invoiceIds'], issueCreditNote: ['invoiceId', 'amount'], deletePayment: ['paymentId'], setSourceStatus: ['recordId', 'status'], allocatePayment: ['paymentId', 'invoiceId', 'amount'], allocateCreditNote: ['creditNoteId', 'invoiceId', 'amount'],
  issueRefund: ['paymentId', 'amount'], deleteRefundLine: ['refundLineId'], issueCreditNoteRefund: ['creditNoteId', 'amount'], deleteCreditNoteRefundLine: ['refundLineId'], issueDebitNote: ['accountId', 'amount'], payDebitNote: ['debitNoteId', 'amount'], allocateDebitNote: ['debitNoteId', 'creditNoteId', 'amount'],
  documentOf: ['invoiceId'], setDocumentFault: ['invoiceId', 'fault'], deleteDocument: ['invoiceId'], reissueDocument: ['invoiceId'], renameAccount: ['accountId', 'name'],
};

/**
 * Test-only control API: POST /__org/<method> with a JSON array of positional arguments or an
 * object of named ones (injectFault also takes the fault object itself); GET works for methods
 * whose arguments fit in the query string (e.g. /__org/records?objectName=Invoice, /__org/counters).
 * Answers {"result": ...} or 400 {"error": "..."}.
 */
export async function handleControl(control: OrgControl, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = url.pathname.slice('/__org/'.length) as keyof OrgControl;
  const names = PARAMS[method];
  if (!names) return sendJson(res, 404, { error: `unknown control method ${method}` });
  try {
    let args: unknown[];
    if (req.method === 'POST') {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const text = Buffer.concat(chunks).toString('utf8').trim();
      const body = text ? JSON.parse(text) : {};
      if (Array.isArray(body)) args = body;
      else if (method === 'injectFault' && body.kind) args = [body];
      else args = names.map((n) => body[n]);
    } else {
      args = names.map((n) => {
        const v = url.searchParams.get(n) ?? (n === 'objectName' ? url.searchParams.get('object') : null);
        return v === null ? undefined : /^(true|false|\d+)$/.test(v) ? JSON.parse(v) : v;
      });
    }
    const fn = control[method] as (...a: unknown[]) => unknown;
    const result = fn(...args);
    return sendJson(res, 200, { result: result ?? null });
  } catch (e) {
    return sendJson(res, 400, { error: (e as Error).message });
  }
}
