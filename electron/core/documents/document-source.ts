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

/** VersionData's path must be the version's own blob on this instance (never a URL the answer chose). */
export function versionDataPath(version: DocumentVersion): string {
  const path = `/sobjects/ContentVersion/${assertRecordId(version.versionId)}/VersionData`;
  if (version.versionData && !version.versionData.endsWith(path)) throw new AppError('SALESFORCE_ERROR', englishMessage('documentDamaged'));
  return path;
}
