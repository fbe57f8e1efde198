import { AppError } from '../../contract';
import { englishMessage } from '../../contract/i18n/spoken-messages';
import type { SalesforceConnection as Connection } from '../salesforce/jsforce-adapter';
import { toAppError } from '../salesforce/salesforce-errors';
import { salesforceGet } from '../invoices/sync/salesforce-get';
import { assertRecordId, soqlString } from '../invoices/sync/soql';

/** The latest version of an invoice's document, as ContentVersion describes it. */
export interface DocumentVersion {
  contentDocumentId: string;
  versionId: string;
  title: string;
  /** MD5 hex of the bytes; null when Salesforce has none (external files): then `size` is what is checked. */
  checksum: string | null;
  size: number | null;
  /** VersionData's URL, relative to the instance (…/sobjects/ContentVersion/<id>/VersionData). */
  versionData: string;
}

interface VersionRecord { Id: string; ContentDocumentId: string; Title?: string; Checksum?: string | null; ContentSize?: number | null; VersionData?: string }

async function query<T>(conn: Connection, soql: string): Promise<T[]> {
  try {
    return (await salesforceGet<{ records?: T[] }>(conn, `/query?q=${encodeURIComponent(soql)}`)).records ?? [];
  } catch (error) {
    throw toAppError(error);
  }
}

/**
 * The ContentDocument ids of an invoice: Revenue Cloud's `Invoice` through `InvoiceDocument`, every other invoice
 * object through `ContentDocumentLink` (LinkedEntityId = the invoice). Ids only (assertRecordId), quoted.
 */
async function documentIdsOf(conn: Connection, objectName: string, invoiceId: string): Promise<string[]> {
  const id = soqlString(assertRecordId(invoiceId));
  const rows = objectName === 'Invoice'
    ? await query<{ ContentDocumentId: string }>(conn, `SELECT ContentDocumentId FROM InvoiceDocument WHERE InvoiceId = ${id}`)
    : await query<{ ContentDocumentId: string }>(conn, `SELECT ContentDocumentId FROM ContentDocumentLink WHERE LinkedEntityId = ${id}`);
  return [...new Set(rows.map((row) => row.ContentDocumentId).filter((doc) => typeof doc === 'string'))];
}

const VERSION_FIELDS = 'Id, ContentDocumentId, Title, Checksum, ContentSize, VersionData, CreatedDate';

/** The latest versions (IsLatest) of these documents, newest first. */
export async function latestVersions(conn: Connection, documentIds: readonly string[]): Promise<DocumentVersion[]> {
  if (documentIds.length === 0) return [];
  const list = documentIds.map((doc) => soqlString(assertRecordId(doc))).join(', ');
  const rows = await query<VersionRecord>(conn,
    `SELECT ${VERSION_FIELDS} FROM ContentVersion WHERE ContentDocumentId IN (${list}) AND IsLatest = true ORDER BY CreatedDate DESC`);
  return rows.map((row) => ({
    contentDocumentId: row.ContentDocumentId,
    versionId: row.Id,
    title: row.Title ?? '',
    checksum: typeof row.Checksum === 'string' && /^[0-9a-f]{32}$/i.test(row.Checksum) ? row.Checksum.toLowerCase() : null,
    size: typeof row.ContentSize === 'number' ? row.ContentSize : null,
    versionData: row.VersionData ?? '',
  }));
}

/** The invoice's document — its newest latest version — or null when it has none. */
export async function latestDocument(conn: Connection, objectName: string, invoiceId: string): Promise<DocumentVersion | null> {
  return (await latestVersions(conn, await documentIdsOf(conn, objectName, invoiceId)))[0] ?? null;
}

/**
 * The documents of many invoices at once (a prefetch): per invoice its newest latest version, or null when it has
 * none. Two queries per 200 invoices instead of two per invoice.
 */
export async function latestDocumentsOf(conn: Connection, objectName: string, invoiceIds: readonly string[]): Promise<Map<string, DocumentVersion | null>> {
  const out = new Map<string, DocumentVersion | null>(invoiceIds.map((id) => [id, null]));
  for (let i = 0; i < invoiceIds.length; i += 200) {
    const list = invoiceIds.slice(i, i + 200).map((id) => soqlString(assertRecordId(id))).join(', ');
    const links = objectName === 'Invoice'
      ? (await query<{ InvoiceId: string; ContentDocumentId: string }>(conn, `SELECT InvoiceId, ContentDocumentId FROM InvoiceDocument WHERE InvoiceId IN (${list})`))
        .map((row) => ({ invoiceId: row.InvoiceId, documentId: row.ContentDocumentId }))
      : (await query<{ LinkedEntityId: string; ContentDocumentId: string }>(conn, `SELECT LinkedEntityId, ContentDocumentId FROM ContentDocumentLink WHERE LinkedEntityId IN (${list})`))
        .map((row) => ({ invoiceId: row.LinkedEntityId, documentId: row.ContentDocumentId }));
    const invoicesOf = new Map<string, string[]>();
    for (const link of links) {
      if (typeof link.documentId !== 'string' || !out.has(link.invoiceId)) continue;
      invoicesOf.set(link.documentId, [...(invoicesOf.get(link.documentId) ?? []), link.invoiceId]);
    }
    // Newest first: the first version met for an invoice is its document.
    for (const version of await latestVersions(conn, [...invoicesOf.keys()])) {
      for (const invoiceId of invoicesOf.get(version.contentDocumentId) ?? []) if (out.get(invoiceId) === null) out.set(invoiceId, version);
    }
  }
  return out;
}

/** VersionData's path must be the version's own blob on this instance (never a URL the answer chose). */
export function versionDataPath(version: DocumentVersion): string {
  const path = `/sobjects/ContentVersion/${assertRecordId(version.versionId)}/VersionData`;
  if (version.versionData && !version.versionData.endsWith(path)) throw new AppError('SALESFORCE_ERROR', englishMessage('documentDamaged'));
  return path;
}
