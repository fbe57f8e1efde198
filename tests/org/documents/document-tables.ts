import { makeId, parseId } from '../data/ids.ts';
import { dayToIso } from '../data/random.ts';
import type { FieldDef, Table } from '../schema/table.ts';
import type { InvoiceObjectName } from '../types.ts';
import type { DocumentStore } from './document-store.ts';

const P = { document: '069', version: '068', invoiceDocument: '3td', link: '06A' };

function audit(created: (r: number) => number): FieldDef[] {
  return ['CreatedDate', 'LastModifiedDate', 'SystemModstamp'].map((name) => ({ name, label: name.replace(/([a-z])([A-Z])/g, '$1 $2'), type: 'datetime', get: created }));
}

function table(name: string, label: string, prefix: string, fields: FieldDef[], exists: (r: number) => boolean, scan: () => Iterable<number>,
  deleted: (r: number) => boolean, minVersion?: number): Table {
  return {
    name, label, labelPlural: `${label}s`, keyPrefix: prefix, custom: false, minVersion, fields, childRelationships: [], hidden: new Set(),
    scan, isDeleted: deleted,
    rowOf: (id) => { const r = parseId(prefix, id); return r >= 0 && exists(r) ? r : -1; },
  };
}

/**
 * How Salesforce keeps files: ContentDocument (the file) → ContentVersion (its versions, the latest one `IsLatest`,
 * bytes at VersionData); Revenue Cloud's `InvoiceDocument` ties an Invoice to its document, other invoice objects
 * reach theirs through `ContentDocumentLink` (LinkedEntityId = the invoice).
 */
export function documentTables(docs: DocumentStore, invoices: Map<InvoiceObjectName, Table>): Table[] {
  const idField = (prefix: string, label: string): FieldDef => ({ name: 'Id', label, type: 'id', get: (r) => makeId(prefix, r) });
  const deleted = (doc: (r: number) => number): FieldDef => ({ name: 'IsDeleted', label: 'Deleted', type: 'boolean', get: (r) => docs.isDeleted(doc(r)) });
  const latest = (doc: number) => docs.latestVersion(doc);
  const title = (doc: number) => `Invoice ${docs.pdfData(latest(doc)).number}`;
  const docRef = (doc: (r: number) => number): FieldDef => ({
    name: 'ContentDocumentId', label: 'ContentDocument ID', type: 'reference', referenceTo: 'ContentDocument', relationshipName: 'ContentDocument',
    get: (r) => makeId(P.document, doc(r)), refRow: doc,
  });
  const fileFields = (version: (r: number) => number): FieldDef[] => [
    { name: 'Title', label: 'Title', type: 'string', length: 255, get: (r) => title(docs.docOfVersion(version(r))) },
    { name: 'FileExtension', label: 'File Extension', type: 'string', length: 40, nillable: true, get: () => 'pdf' },
    { name: 'FileType', label: 'File Type', type: 'string', length: 20, get: () => 'PDF' },
    { name: 'ContentSize', label: 'Size', type: 'int', nillable: true, get: (r) => docs.meta(version(r)).size },
  ];

  const document = table('ContentDocument', 'Content Document', P.document, [
    idField(P.document, 'ContentDocument ID'), deleted((r) => r), ...fileFields(latest),
    { name: 'LatestPublishedVersionId', label: 'Latest Published Version ID', type: 'reference', referenceTo: 'ContentVersion',
      relationshipName: 'LatestPublishedVersion', get: (r) => makeId(P.version, latest(r)), refRow: latest },
    ...audit((r) => docs.createdAt(latest(r))),
  ], (r) => docs.exists(r), () => docs.docs(), (r) => docs.isDeleted(r));

  const version = table('ContentVersion', 'Content Version', P.version, [
    idField(P.version, 'ContentVersion ID'), deleted((r) => docs.docOfVersion(r)), docRef((r) => docs.docOfVersion(r)), ...fileFields((r) => r),
    { name: 'PathOnClient', label: 'Path On Client', type: 'string', length: 500, get: (r) => `${docs.pdfData(r).number}.pdf` },
    { name: 'Checksum', label: 'Checksum', type: 'string', length: 50, nillable: true, get: (r) => docs.meta(r).md5 },
    { name: 'IsLatest', label: 'Is Latest', type: 'boolean', get: (r) => docs.isLatest(r) },
    { name: 'VersionNumber', label: 'Version Number', type: 'string', length: 20, get: (r) => String(docs.versionIndex(r) + 1) },
    { name: 'ReasonForChange', label: 'Reason For Change', type: 'string', length: 1000, nillable: true, get: (r) => (docs.versionIndex(r) > 0 ? 'Re-issued' : null) },
    { name: 'VersionData', label: 'Version Data', type: 'base64', nillable: true, get: () => 'VersionData' },
    ...audit((r) => docs.createdAt(r)),
  ], (r) => docs.versionExists(r), () => docs.versions(), (r) => docs.isDeleted(docs.docOfVersion(r)));
  version.childRowsOf = (field, parentId) => {
    if (field.toLowerCase() !== 'contentdocumentid') return undefined;
    const doc = document.rowOf(parentId);
    return doc < 0 ? [] : docs.versionRows(doc);
  };
  document.childRelationships.push({ childSObject: 'ContentVersion', field: 'ContentDocumentId', relationshipName: 'ContentVersions' });

  const out = [document, version];
  const docOfInvoice = (kind: InvoiceObjectName, parentId: string) => {
    const t = invoices.get(kind);
    const row = t ? t.rowOf(parentId) : -1;
    return row >= 0 && docs.versionsOf(kind, row) > 0 ? [docs.docOf(kind, row)] : [];
  };
  const rc = invoices.get('Invoice');
  if (rc) {
    const invoiceDocument = table('InvoiceDocument', 'Invoice Document', P.invoiceDocument, [
      idField(P.invoiceDocument, 'Invoice Document ID'), deleted((r) => r),
      { name: 'InvoiceId', label: 'Invoice ID', type: 'reference', referenceTo: 'Invoice', relationshipName: 'Invoice',
        get: (r) => makeId(rc.keyPrefix, docs.split(r)!.row), refRow: (r) => docs.split(r)!.row },
      docRef((r) => r),
      { name: 'DocumentDate', label: 'Document Date', type: 'date', nillable: true, get: (r) => dayToIso(Math.floor(docs.createdAt(latest(r)) / 86_400_000)) },
      { name: 'Status', label: 'Status', type: 'picklist', picklist: ['Draft', 'Completed', 'Failed'], nillable: true, get: () => 'Completed' },
      ...audit((r) => docs.createdAt(latest(r))),
    ], (r) => docs.exists(r) && docs.split(r)!.kind === 'Invoice', () => onlyOf(docs, 'Invoice'), (r) => docs.isDeleted(r), rc.minVersion);
    invoiceDocument.childRowsOf = (field, parentId) => {
      if (field.toLowerCase() === 'invoiceid') return docOfInvoice('Invoice', parentId);
      if (field.toLowerCase() === 'contentdocumentid') { const d = document.rowOf(parentId); return d >= 0 && docs.split(d)!.kind === 'Invoice' ? [d] : []; }
      return undefined;
    };
    rc.childRelationships.push({ childSObject: 'InvoiceDocument', field: 'InvoiceId', relationshipName: 'InvoiceDocuments' });
    out.push(invoiceDocument);
  }
  const linked = [...invoices.entries()].filter(([kind]) => kind !== 'Invoice');
  if (linked.length) {
    const linkKinds = new Set(linked.map(([kind]) => kind));
    const link = table('ContentDocumentLink', 'Content Document Link', P.link, [
      idField(P.link, 'ContentDocumentLink ID'), deleted((r) => r),
      { name: 'LinkedEntityId', label: 'Linked Entity ID', type: 'reference', referenceTo: linked[0]![1].name,
        get: (r) => { const s = docs.split(r)!; return makeId(invoices.get(s.kind)!.keyPrefix, s.row); } },
      docRef((r) => r),
      { name: 'ShareType', label: 'Share Type', type: 'picklist', picklist: ['V', 'C', 'I'], get: () => 'V' },
      { name: 'Visibility', label: 'Visibility', type: 'picklist', picklist: ['AllUsers', 'InternalUsers', 'SharedUsers'], get: () => 'AllUsers' },
      { name: 'SystemModstamp', label: 'System Modstamp', type: 'datetime', get: (r) => docs.createdAt(latest(r)) },
    ], (r) => docs.exists(r) && linkKinds.has(docs.split(r)!.kind), () => onlyOf(docs, ...linkKinds), (r) => docs.isDeleted(r));
    link.childRowsOf = (field, parentId) => {
      if (field.toLowerCase() === 'linkedentityid') return linked.flatMap(([kind]) => docOfInvoice(kind, parentId));
      if (field.toLowerCase() === 'contentdocumentid') { const d = document.rowOf(parentId); return d >= 0 && linkKinds.has(docs.split(d)!.kind) ? [d] : []; }
      return undefined;
    };
    document.childRelationships.push({ childSObject: 'ContentDocumentLink', field: 'ContentDocumentId', relationshipName: 'ContentDocumentLinks' });
    out.push(link);
  }
  return out;
}

function* onlyOf(docs: DocumentStore, ...kinds: InvoiceObjectName[]): Iterable<number> {
  for (const d of docs.docs()) if (kinds.includes(docs.split(d)!.kind)) yield d;
}
