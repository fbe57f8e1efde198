import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError, type InvoiceDocument } from '../../../electron/contract';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import type { CatalogueT } from '../../../electron/contract/i18n/catalogue';
import { pdfFileName, saveInvoiceDocument } from '../../../electron/core/documents/save-document';
import type { SaveDialog } from '../../../electron/core/ports';
import { MemoryLogger, ScriptedSaveDialog, tempDir } from '../../support/test-ports';

const temp = tempDir();
afterAll(() => temp.remove());
const t = createI18n('en').t as unknown as CatalogueT;
const pdf: InvoiceDocument = { title: 'Invoice INV-0000007', bytes: new Uint8Array(Buffer.from('%PDF-1.3\n…\n%%EOF\n')), keptAt: null };

describe('Save as… for an invoice PDF (invoices.saveDocument)', () => {
  it('asks where with the title as the file name, then writes exactly the bytes it read', async () => {
    const saveDialog = new ScriptedSaveDialog(join(temp.dir, 'chosen.pdf'));
    const answer = await saveInvoiceDocument(async () => pdf, { saveDialog, t, logger: new MemoryLogger() });
    expect(answer).toEqual({ path: join(temp.dir, 'chosen.pdf') });
    expect(saveDialog.asked).toEqual(['Invoice INV-0000007.pdf']);
    expect(readFileSync(join(temp.dir, 'chosen.pdf')).equals(Buffer.from(pdf.bytes))).toBe(true);
    expect(readdirSync(temp.dir).filter((name) => name.includes('.partial-'))).toEqual([]);
  });

  it('cancelled: writes nothing; a document that cannot be read: the error, before anything is asked', async () => {
    const saveDialog = new ScriptedSaveDialog(null);
    expect(await saveInvoiceDocument(async () => pdf, { saveDialog, t, logger: new MemoryLogger() })).toEqual({ path: null });
    const refused = new AppError('NOT_FOUND', 'This invoice has no document in Salesforce.');
    const asking = new ScriptedSaveDialog(join(temp.dir, 'never.pdf'));
    await expect(saveInvoiceDocument(() => Promise.reject(refused), { saveDialog: asking, t, logger: new MemoryLogger() })).rejects.toBe(refused);
    expect(asking.asked).toEqual([]);
    expect(existsSync(join(temp.dir, 'never.pdf'))).toBe(false);
  });

  it('a folder that cannot be written: a clear STORAGE error, and no half file or temp file left', async () => {
    const target = join(temp.dir, 'no-such-folder', 'x.pdf');
    const attempt = saveInvoiceDocument(async () => pdf, { saveDialog: new ScriptedSaveDialog(target), t, logger: new MemoryLogger() });
    await expect(attempt).rejects.toMatchObject({ code: 'STORAGE', message: expect.stringContaining('could not be written there') });
    expect(existsSync(join(temp.dir, 'no-such-folder'))).toBe(false);
    // The temp file is written but the rename fails (the name chosen is a folder): the temp file is removed.
    const folder = join(temp.dir, 'a-folder');
    mkdirSync(folder);
    const renameFails = saveInvoiceDocument(async () => pdf, { saveDialog: new ScriptedSaveDialog(folder), t, logger: new MemoryLogger() });
    await expect(renameFails).rejects.toMatchObject({ code: 'STORAGE' });
    expect(readdirSync(temp.dir).filter((name) => name.includes('.partial-'))).toEqual([]);
  });

  it('makes a file name any file system takes from the title', () => {
    expect(pdfFileName('Invoice INV-1')).toBe('Invoice INV-1.pdf');
    expect(pdfFileName('INV/2026:07 "final"?')).toBe('INV-2026-07 -final-.pdf');
    expect(pdfFileName('scan.PDF')).toBe('scan.PDF');
    expect(pdfFileName('..\\..\\evil')).toBe('evil.pdf');
    expect(pdfFileName('\u0000\u0007')).toBe('invoice.pdf');
    expect(pdfFileName('x'.repeat(300))).toHaveLength(124);
    // A title from Salesforce is anything: a Windows device name, bidirectional controls, emoji cut at the limit.
    expect(pdfFileName('CON')).toBe('_CON.pdf');
    expect(pdfFileName('nul.txt')).toBe('_nul.txt.pdf');
    expect(pdfFileName('Invoice\u202Efdp.exe')).toBe('Invoice-fdp.exe.pdf');
    expect(pdfFileName('😀'.repeat(40))).toBe(`${'😀'.repeat(40)}.pdf`);
    // Linux and macOS take at most 255 bytes in a file name: a long title in letters of 3 or 4 bytes is cut to fit,
    // with room left for the temp file written beside it.
    expect(Buffer.byteLength(pdfFileName('😀'.repeat(200)))).toBeLessThanOrEqual(204);
    expect(pdfFileName('😀'.repeat(200))).toBe(`${'😀'.repeat(50)}.pdf`);
  });

  it('the PDF saved is the user’s alone (0600, as every export), like the statements and the exports', async () => {
    if (process.platform === 'win32') return;
    const target = join(temp.dir, 'private.pdf');
    await saveInvoiceDocument(async () => pdf, { saveDialog: new ScriptedSaveDialog(target), t, logger: new MemoryLogger() });
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('a long title in Japanese: the name the dialog offers can be saved as it is (no ENAMETOOLONG)', async () => {
    // ContentVersion.Title takes 255 characters; 100 Japanese letters are 300 bytes in UTF-8.
    const title = `請求書 ${'株式会社東京国際貿易商事'.repeat(9)}`.slice(0, 100);
    const folder = join(temp.dir, 'long');
    mkdirSync(folder);
    // What the OS dialog does when the user accepts the name it offers.
    const accepting: SaveDialog = { choosePath: async ({ defaultName }) => join(folder, defaultName) };
    const answer = await saveInvoiceDocument(async () => ({ ...pdf, title }), { saveDialog: accepting, t, logger: new MemoryLogger() });
    expect(answer.path).not.toBeNull();
    expect(readFileSync(answer.path!).equals(Buffer.from(pdf.bytes))).toBe(true);
    expect(readdirSync(folder)).toEqual([answer.path!.slice(folder.length + 1)]);
    expect(answer.path!.slice(folder.length + 1).startsWith('請求書 株式会社')).toBe(true);
  });

  it('a name of 250 bytes typed into the dialog (Japanese letters) saves: the temp file beside it stays within 255 bytes', async () => {
    const folder = join(temp.dir, 'typed');
    mkdirSync(folder);
    const name = `${'請'.repeat(82)}.pdf`; // 246 + 4 = 250 bytes in UTF-8: Linux and macOS take it
    expect(Buffer.byteLength(name)).toBe(250);
    const answer = await saveInvoiceDocument(async () => pdf, { saveDialog: new ScriptedSaveDialog(join(folder, name)), t, logger: new MemoryLogger() });
    expect(answer).toEqual({ path: join(folder, name) });
    expect(readFileSync(join(folder, name)).equals(Buffer.from(pdf.bytes))).toBe(true);
    expect(readdirSync(folder)).toEqual([name]);
  });
});
