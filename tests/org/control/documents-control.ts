import { makeId } from '../data/ids.ts';
import type { OrgData } from '../org-data.ts';
import type { InvoiceObjectName, OrgControl } from '../types.ts';

const FAULTS = ['mismatch', 'notPdf', 'truncated', 'empty', 'unreadable', 'encrypted', 'garbled', 'huge'];

/** Control of the invoice documents: look one up, damage it, delete it, re-issue it. */
export function documentsControl(data: OrgData): Pick<OrgControl, 'documentOf' | 'setDocumentFault' | 'deleteDocument' | 'reissueDocument'> {
  const docs = data.documents;
  const docOf = (invoiceId: string): number | undefined => {
    const { table, row } = data.findInvoice(invoiceId);
    const kind = table.name as InvoiceObjectName;
    return docs.versionsOf(kind, row) > 0 ? docs.docOf(kind, row) : undefined;
  };
  const need = (invoiceId: string): number => {
    const doc = docOf(invoiceId);
    if (doc === undefined) throw new Error(`invoice ${invoiceId} has no document`);
    return doc;
  };
  return {
    documentOf(invoiceId) {
      const doc = docOf(invoiceId);
      if (doc === undefined || docs.isDeleted(doc)) return null;
      const versions = docs.versionRows(doc);
      const latest = docs.latestVersion(doc);
      const meta = docs.meta(latest);
      return {
        contentDocumentId: makeId('069', doc), versionIds: versions.map((v) => makeId('068', v)), latestVersionId: makeId('068', latest),
        checksum: meta.md5, size: meta.size,
      };
    },
    setDocumentFault(invoiceId, fault) {
      if (fault !== null && !FAULTS.includes(fault)) throw new Error(`unknown document fault ${String(fault)} (${FAULTS.join(', ')})`);
      docs.setFault(need(invoiceId), fault);
    },
    deleteDocument(invoiceId) {
      docs.deleteDoc(need(invoiceId));
    },
    reissueDocument(invoiceId) {
      docs.reissue(need(invoiceId));
    },
  };
}
