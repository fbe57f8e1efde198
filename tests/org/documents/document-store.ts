import { createHash } from 'node:crypto';
import { hash2 } from '../data/random.ts';
import type { DocumentFault, InvoiceObjectName } from '../types.ts';
import { renderInvoicePdf, type InvoicePdfData } from './invoice-pdf.ts';
import { hugeChunks, measureHuge } from './huge-document.ts';

/** Invoice shapes in the order their documents are numbered. */
export const DOC_SHAPES: InvoiceObjectName[] = ['Invoice', 'blng__Invoice__c', 'Invoice__c'];
/** Document row = shape index × STRIDE + invoice row; version row = document row × PER_DOC + version index (0–3). */
export const STRIDE = 1 << 24;
/** The user password of a document under the 'encrypted' fault. */
export const ENCRYPTED_PDF_PASSWORD = 'invoice-1234';
/** Room for versions per document: the seeded ones (1 or 2) and re-issues made while the org runs (`reissue`). */
const PER_DOC = 4;


/** Invoice-side facts the store needs, per shape (provided by OrgData from its invoice stores and tables). */
export interface InvoiceSide {
  count(kind: InvoiceObjectName): number;
  deleted(kind: InvoiceObjectName, row: number): boolean;
  pdfData(kind: InvoiceObjectName, row: number): Omit<InvoicePdfData, 'version'>;
  /** The invoice's CreatedDate (epoch ms): the first version is uploaded then, a re-issue three days later. */
  created(kind: InvoiceObjectName, row: number): number;
}

interface Meta { size: number; md5: string }

/**
 * The invoice documents (ContentDocument / ContentVersion): which invoice has how many versions is a pure function
 * of its row (most have one, some two — re-issued — some none); the PDF bytes are rendered on request and only their
 * size and MD5 are remembered, so 100k invoices cost nothing until a document is read.
 */
export class DocumentStore {
  private readonly metas = new Map<number, Meta>();
  private readonly recent = new Map<number, Buffer>();
  private readonly faults = new Map<number, DocumentFault>();
  private readonly deletedDocs = new Set<number>();
  /** pdfkit encrypts with random salts: the protected file is made once per version, so its Checksum holds. */
  private readonly encrypted = new Map<number, Buffer>();
  /** Per document: versions added while the org runs (re-issues), and when each was uploaded. */
  private readonly reissues = new Map<number, number[]>();
  /** PDFs rendered so far (the org's laziness, visible to tests through counters()). */
  renders = 0;
  /** VersionData bytes written so far (counters().documentBytesSent). */
  bytesSent = 0;
  /** Size and MD5 of a version under the 'huge' fault (streamed once to measure, never kept). */
  private readonly hugeMetas = new Map<number, Meta>();

  /** Seeded versions are no later than this: a minute before the org's clock when it seeded. */
  private readonly seededBefore: number;

  constructor(
    private readonly seed: number,
    private readonly side: InvoiceSide,
    readonly shapes: InvoiceObjectName[],
    /** The org's clock (OrgOptions.now): a re-issue is uploaded now. */
    private readonly now: () => number = Date.now,
  ) {
    this.seededBefore = now() - 60_000;
  }

  /** Versions (0, 1 or 2) of an invoice's document. Rows 0–2 are pinned (one, two, none) so tiny orgs have each case. */
  versionsOf(kind: InvoiceObjectName, row: number): number {
    if (row < 3) return [1, 2, 0][row]!;
    const h = hash2(this.seed ^ 0x0d0c, DOC_SHAPES.indexOf(kind) * STRIDE + row) % 10;
    return h === 0 ? 0 : h === 1 ? 2 : 1;
  }

  split(doc: number): { kind: InvoiceObjectName; row: number } | undefined {
    const kind = DOC_SHAPES[Math.floor(doc / STRIDE)];
    const row = doc % STRIDE;
    if (!kind || !this.shapes.includes(kind) || row >= this.side.count(kind)) return undefined;
    return { kind, row };
  }

  docOf(kind: InvoiceObjectName, row: number): number {
    return DOC_SHAPES.indexOf(kind) * STRIDE + row;
  }

  /** The document exists (it may be deleted). */
  exists(doc: number): boolean {
    const s = this.split(doc);
    return !!s && this.versionsOf(s.kind, s.row) > 0;
  }

  isDeleted(doc: number): boolean {
    const s = this.split(doc);
    return !s || this.deletedDocs.has(doc) || this.side.deleted(s.kind, s.row);
  }

  /** Versions of a document: the seeded ones plus its re-issues. */
  private versionCount(doc: number): number {
    const s = this.split(doc);
    return s ? this.versionsOf(s.kind, s.row) + (this.reissues.get(doc)?.length ?? 0) : 0;
  }

  docOfVersion(version: number): number {
    return Math.floor(version / PER_DOC);
  }

  /** 0 for the first issue, 1 for the first re-issue, … */
  versionIndex(version: number): number {
    return version % PER_DOC;
  }

  /** The version rows of a document, oldest first. */
  versionRows(doc: number): number[] {
    return Array.from({ length: this.versionCount(doc) }, (_, i) => doc * PER_DOC + i);
  }

  latestVersion(doc: number): number {
    return doc * PER_DOC + Math.max(0, this.versionCount(doc) - 1);
  }

  versionExists(version: number): boolean {
    return this.versionIndex(version) < this.versionCount(this.docOfVersion(version));
  }

  isLatest(version: number): boolean {
    return this.versionIndex(version) === this.versionCount(this.docOfVersion(version)) - 1;
  }

  /** A new version of the document uploaded now (Salesforce: a new ContentVersion; IsLatest moves to it). */
  reissue(doc: number): number {
    if (this.versionCount(doc) >= PER_DOC) throw new Error(`document ${doc} already has ${PER_DOC} versions (the local org's limit)`);
    this.reissues.set(doc, [...(this.reissues.get(doc) ?? []), this.now()]);
    return this.latestVersion(doc);
  }

  *docs(): Iterable<number> {
    for (const kind of this.shapes) {
      const n = this.side.count(kind);
      for (let r = 0; r < n; r++) if (this.versionsOf(kind, r) > 0) yield this.docOf(kind, r);
    }
  }

  *versions(): Iterable<number> {
    for (const doc of this.docs()) {
      yield* this.versionRows(doc);
    }
  }

  /** The bytes as the org stores them (a fault applies to the latest version). */
  bytes(version: number): Buffer {
    const fault = this.fault(version);
    const real = this.rendered(version);
    if (fault === 'mismatch') return Buffer.concat([real.subarray(0, real.length - 40), Buffer.from('%% altered after upload\n%%EOF\n')]);
    if (fault === 'notPdf') return Buffer.from('<html><body>Not a PDF: an HTML page uploaded under a .pdf name</body></html>\n');
    if (fault === 'truncated') return real.subarray(0, Math.floor(real.length / 2));
    if (fault === 'empty') return Buffer.alloc(0);
    if (fault === 'encrypted') return this.encryptedCopy(version);
    if (fault === 'garbled') return Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(real.subarray(400).map((b) => b ^ 0x5a)), Buffer.from('\n%%EOF\n')]);
    // never-user-facing: the org's own guard — a 200 MB file is only ever streamed (streamHuge)
    if (fault === 'huge') throw new Error('the huge document is streamed, never built in memory');
    return real;
  }

  fault(version: number): DocumentFault | undefined {
    return this.isLatest(version) ? this.faults.get(this.docOfVersion(version)) : undefined;
  }

  /** ContentSize and Checksum: of the stored bytes, except after 'mismatch' (the file changed behind the record's back). */
  meta(version: number): Meta {
    const fault = this.fault(version);
    if (fault === 'huge') {
      let huge = this.hugeMetas.get(version);
      if (!huge) this.hugeMetas.set(version, (huge = measureHuge(this.rendered(version))));
      return huge;
    }
    if (fault && fault !== 'mismatch' && fault !== 'unreadable') return measure(this.bytes(version));
    let m = this.metas.get(version);
    if (!m) {
      m = measure(this.rendered(version));
      this.metas.set(version, m);
    }
    return m;
  }

  /** The 200 MB file of a version under the 'huge' fault, in chunks (huge-document.ts). */
  hugeChunks(version: number): Iterable<Buffer> {
    return hugeChunks(this.rendered(version));
  }

  setFault(doc: number, fault: DocumentFault | null): void {
    if (fault === null) this.faults.delete(doc);
    else this.faults.set(doc, fault);
  }

  deleteDoc(doc: number): void {
    this.deletedDocs.add(doc);
  }

  createdAt(version: number): number {
    const doc = this.docOfVersion(version);
    const s = this.split(doc)!;
    const seeded = this.versionsOf(s.kind, s.row);
    const index = this.versionIndex(version);
    if (index >= seeded) return this.reissues.get(doc)![index - seeded]!;
    const created = this.side.created(s.kind, s.row);
    // A second version three days after the first, or — the invoice created less than three days ago — between the
    // first and the org's clock: never uploaded in the future.
    const at = created + index * 3 * 86_400_000;
    return at <= this.seededBefore ? at : created + Math.floor(((this.seededBefore - created) * index) / seeded);
  }

  pdfData(version: number): InvoicePdfData {
    const s = this.split(this.docOfVersion(version))!;
    return { ...this.side.pdfData(s.kind, s.row), version: this.versionIndex(version) + 1 };
  }

  private encryptedCopy(version: number): Buffer {
    let bytes = this.encrypted.get(version);
    if (!bytes) {
      bytes = renderInvoicePdf(this.pdfData(version), ENCRYPTED_PDF_PASSWORD);
      this.encrypted.set(version, bytes);
    }
    return bytes;
  }

  private rendered(version: number): Buffer {
    const hit = this.recent.get(version);
    if (hit) return hit;
    const bytes = renderInvoicePdf(this.pdfData(version));
    this.renders++;
    this.recent.set(version, bytes);
    if (this.recent.size > 16) this.recent.delete(this.recent.keys().next().value!);
    // Rendered again after the record changed (a patched date): the stored file is the new one, its size and MD5 with it.
    this.metas.set(version, measure(bytes));
    return bytes;
  }
}

function measure(bytes: Buffer): Meta {
  return { size: bytes.length, md5: createHash('md5').update(bytes).digest('hex') };
}
