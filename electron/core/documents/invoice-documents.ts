import { AppError, type InvoiceDocument } from '../../contract';
import { englishMessage } from '../../contract/i18n/spoken-messages';
import type { SalesforceConnection as Connection } from '../salesforce/jsforce-adapter';
import { documentTooLarge, downloadBlob, MAX_DOCUMENT_BYTES } from './document-download';
import { checkDocument } from './document-integrity';
import { latestDocument, latestVersions, versionDataPath, type DocumentVersion } from './document-source';
import type { Evictable, KeptDocuments } from './kept-documents';

/** What the documents need of the invoices module: an open session and the connection's invoice object. */
export interface DocumentSession {
  open(connectionId: string): Promise<{ conn: Connection; objectName: string }>;
}

/** Salesforce could not be asked (offline, signed out, limits): the kept copy may answer instead. */
const OUT_OF_REACH = new Set(['NETWORK', 'TIMEOUT', 'NOT_CONNECTED', 'RECONNECT_REQUIRED', 'SALESFORCE_LIMIT', 'ENCRYPTION_UNAVAILABLE']);

/**
 * `invoices.document`: the invoice's PDF. Online: the latest version is found, downloaded and checked (MD5 or size,
 * a whole PDF) and only then kept and returned; a document that fails the check is an error and is never kept.
 * Salesforce out of reach: the kept copy, with the time it was kept.
 */
export class InvoiceDocuments {
  constructor(private readonly session: DocumentSession, private readonly kept: KeptDocuments, private readonly now: () => number) {}

  async document(connectionId: string, invoiceId: string): Promise<InvoiceDocument> {
    let conn: Connection;
    let objectName: string;
    try {
      ({ conn, objectName } = await this.session.open(connectionId));
    } catch (error) {
      return this.fromKept(connectionId, invoiceId, error);
    }
    let version;
    try {
      version = await latestDocument(conn, objectName, invoiceId);
    } catch (error) {
      return this.fromKept(connectionId, invoiceId, error);
    }
    if (!version) {
      await this.kept.drop(connectionId, invoiceId);
      throw new AppError('NOT_FOUND', englishMessage('documentNone'));
    }
    const kept = await this.kept.get(connectionId, invoiceId);
    // The kept copy is Salesforce's latest version: answered without downloading again, and as current (keptAt null:
    // the viewer says "kept on …" only when Salesforce could not be asked).
    if (kept && kept.versionId === version.versionId && kept.checksum === version.checksum) return answer(kept, null);
    let bytes: Uint8Array;
    try {
      ({ bytes } = await this.fetchAndKeep(conn, connectionId, invoiceId, version));
    } catch (error) {
      return this.fromKept(connectionId, invoiceId, error);
    }
    return answer({ title: version.title, bytes }, null);
  }

  /**
   * The one download path (an open and a prefetch alike): VersionData downloaded, checked (MD5 or size, a whole PDF:
   * a failed check throws SALESFORCE_ERROR and keeps nothing), then kept within the disk budget (`evictable`: what
   * the keep may evict to make room). The bytes, and whether they were kept.
   */
  async fetchAndKeep(
    conn: Connection,
    connectionId: string,
    invoiceId: string,
    version: DocumentVersion,
    options: { signal?: AbortSignal; evictable?: Evictable } = {},
  ): Promise<{ bytes: Uint8Array; kept: boolean }> {
    if (version.size !== null && version.size > MAX_DOCUMENT_BYTES) throw documentTooLarge(MAX_DOCUMENT_BYTES);
    const bytes = await downloadBlob(conn, versionDataPath(version), { signal: options.signal });
    checkDocument(bytes, version);
    // Stopped meanwhile (a prefetch cancelled, switched off, signed out): nothing new is kept.
    options.signal?.throwIfAborted();
    const keptAt = new Date(this.now()).toISOString();
    // Kept within the disk budget (Settings; 0 keeps none): answered either way.
    const kept = await this.kept.keep(connectionId, {
      invoiceId, contentDocumentId: version.contentDocumentId, versionId: version.versionId, title: version.title,
      checksum: version.checksum, size: bytes.length, keptAt, bytes,
    }, options.evictable);
    return { bytes, kept };
  }

  /**
   * After a sync: kept documents Salesforce no longer has (deleted), or has in a newer version (re-issued), are
   * dropped. One query per 200 documents; nothing is dropped when Salesforce cannot be asked.
   */
  async prune(connectionId: string): Promise<number> {
    const kept = await this.kept.list(connectionId);
    if (kept.length === 0) return 0;
    const { conn } = await this.session.open(connectionId);
    const latest = new Map<string, string>();
    for (let i = 0; i < kept.length; i += 200) {
      const ids = [...new Set(kept.slice(i, i + 200).map((k) => k.contentDocumentId))];
      for (const version of await latestVersions(conn, ids)) latest.set(version.contentDocumentId, version.versionId);
    }
    let dropped = 0;
    for (const facts of kept) {
      if (latest.get(facts.contentDocumentId) === facts.versionId) continue;
      await this.kept.drop(connectionId, facts.invoiceId);
      dropped++;
    }
    return dropped;
  }

  private async fromKept(connectionId: string, invoiceId: string, error: unknown): Promise<InvoiceDocument> {
    const code = error instanceof AppError ? error.code : null;
    const kept = code && OUT_OF_REACH.has(code) ? await this.kept.get(connectionId, invoiceId) : null;
    if (!kept) throw error;
    return answer(kept, kept.keptAt);
  }
}

function answer(document: { title: string; bytes: Uint8Array }, keptAt: string | null): InvoiceDocument {
  return { title: document.title, bytes: new Uint8Array(document.bytes), keptAt };
}
