import { AppError, type InvoiceDocument } from '../../contract';
import type { CatalogueT } from '../../contract/i18n/catalogue';
import { englishMessage } from '../../contract/i18n/spoken-messages';
import type { Logger, SaveDialog } from '../ports';
import { writeBytesAtomically } from '../invoices/cache/atomic-file';
import { cutToBytes, reservedOnWindows } from '../statements/statement-file-name';

/**
 * `invoices.saveDocument` ("Save as…" in the PDF viewer): the renderer names the invoice only — never a path, never
 * bytes. The document is read as `invoices.document` reads it (Salesforce's latest version checked, or the kept copy
 * when Salesforce is out of reach), the user picks where in the main process's own save dialog, and exactly those
 * checked bytes are written (a temp file beside it, then renamed: a failed write leaves no half PDF).
 */
export async function saveInvoiceDocument(
  read: () => Promise<InvoiceDocument>,
  ports: { saveDialog: SaveDialog; t: CatalogueT; logger: Logger },
): Promise<{ path: string | null }> {
  const document = await read();
  const path = await ports.saveDialog.choosePath({
    defaultName: pdfFileName(document.title),
    filters: [{ name: ports.t('coreMessages:filePdf'), extensions: ['pdf'] }],
  });
  if (path === null) return { path: null };
  try {
    // Owner-only, as every file an export writes (SECURITY.md): an invoice is financial data. The temp file's name stays
    // within 255 bytes whatever name the user typed (atomic-file.ts); a failed write removes it.
    await writeBytesAtomically(path, document.bytes);
  } catch (error) {
    ports.logger.warn('Invoice PDF not saved', { code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
    throw new AppError('STORAGE', englishMessage('documentSaveFailed'), { cause: error });
  }
  return { path };
}

/** The most UTF-8 bytes of a title kept in the file name (50 emoji, 66 Japanese letters, 120 Latin ones). */
const MAX_TITLE_BYTES = 200;

/** A file name from the document's title in Salesforce: characters no file system takes become '-', '.pdf' at the end. */
export function pdfFileName(title: string): string {
  const cleaned = title
    // eslint-disable-next-line no-control-regex -- control characters (and bidirectional controls) are exactly what must go
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, '-')
    .replace(/^[\s.-]+|[\s.]+$/g, '');
  // Cut by characters (code points), never inside a surrogate pair, and to MAX_TITLE_BYTES: Linux and macOS take at most
  // 255 bytes in a file name (the temp file beside it is cut to fit whatever the name: atomic-file.ts).
  const base = cutToBytes(Array.from(cleaned).slice(0, 120).join(''), MAX_TITLE_BYTES).trim();
  const name = base === '' ? 'invoice' : reservedOnWindows(base) ? `_${base}` : base;
  return /\.pdf$/i.test(name) ? name : `${name}.pdf`;
}
