import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useOrgHarness } from '../../support/org-setup';
import type { InvoiceDocument } from '../../../electron/contract';
import { startOrg } from '../../org';
import { tempDir, TestSecretBox } from '../../support/test-ports';
import { CONNECTION_ID as connectionId, startHarness } from '../invoices/support/invoice-harness';

const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');
function pdfText(dir: string, bytes: Uint8Array): string {
  const file = join(dir, 'read-back.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
/** Every file under the data folder's document store (sealed, plus any temp file left behind). */
function documentFiles(dir: string): string[] {
  const folder = join(dir, 'invoices');
  let out: string[] = [];
  for (const name of readdirSync(folder)) {
    if (name.endsWith('.documents')) out = out.concat(readdirSync(join(folder, name)).map((f) => join(folder, name, f)));
  }
  return out;
}

describe('an invoice PDF: fetched, verified against Salesforce, kept sealed, served offline', () => {
  const box = new TestSecretBox();
  const world = useOrgHarness({ invoices: 60 }, { secretBox: box, sync: 'incremental' });
  let invoices: Record<string, unknown>[];
  const withDocument = (n: number) => invoices.filter((r) => world.org.control.documentOf(String(r.Id)) !== null)[n]!;

  beforeAll(() => {
    invoices = world.org.control.records('Invoice');
  });

  it("answers the latest version's bytes: Salesforce's Checksum, the invoice's number and total in the text", async () => {
    const invoice = invoices[1]!; // re-issued: two versions
    const doc = world.org.control.documentOf(String(invoice.Id))!;
    expect(doc.versionIds).toHaveLength(2);
    const answer = await world.harness.call('invoices.document', { connectionId, id: invoice.Id });
    expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
    const value = answer.value as InvoiceDocument;
    expect(value.keptAt).toBeNull();
    expect(value.bytes).toBeInstanceOf(Uint8Array);
    expect(md5(value.bytes)).toBe(doc.checksum);
    const text = pdfText(world.dir, value.bytes);
    expect(text).toContain(String(invoice.DocumentNumber));
    expect(text).toContain(`Total: USD ${Number(invoice.TotalAmountWithTax).toFixed(2)}`);
    expect(text).toContain('Re-issued');

    // Asked again while Salesforce answers: the same version, from the kept copy, and not called "kept" (offline).
    const again = (await world.harness.call('invoices.document', { connectionId, id: invoice.Id })).value as InvoiceDocument;
    expect(md5(again.bytes)).toBe(doc.checksum);
    expect(again.keptAt).toBeNull();
  });

  it('keeps it sealed and owner-only: no PDF header, number or customer readable on disk', () => {
    const files = documentFiles(world.dir);
    expect(files).toHaveLength(1);
    const bytes = readFileSync(files[0]!);
    const invoice = invoices[1]!;
    for (const text of ['%PDF-', String(invoice.DocumentNumber), (invoice.BillingAccount as { Name: string }).Name]) expect(bytes.includes(Buffer.from(text))).toBe(false);
    if (process.platform !== 'win32') expect(statSync(files[0]!).mode & 0o777).toBe(0o600);
  });

  it('an invoice without a document: NOT_FOUND, clearly', async () => {
    const none = invoices.find((r) => world.org.control.documentOf(String(r.Id)) === null)!;
    const answer = await world.harness.call('invoices.document', { connectionId, id: none.Id });
    expect(answer.ok).toBe(false);
    expect(answer.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('no document') });
  });

  it('bytes that do not match the Checksum are refused and never kept', async () => {
    const invoice = withDocument(2);
    world.org.control.setDocumentFault(String(invoice.Id), 'mismatch');
    const before = documentFiles(world.dir).length;
    const answer = await world.harness.call('invoices.document', { connectionId, id: invoice.Id });
    expect(answer.ok).toBe(false);
    expect(answer.error).toMatchObject({ code: 'SALESFORCE_ERROR', message: expect.stringContaining('does not match') });
    expect(documentFiles(world.dir)).toHaveLength(before);
    world.org.control.setDocumentFault(String(invoice.Id), null);
  });

  it('an empty, truncated or non-PDF file (whose checksum matches) is refused and never kept', async () => {
    const invoice = withDocument(3);
    const before = documentFiles(world.dir).length;
    for (const [fault, words] of [['empty', 'empty'], ['truncated', 'not a whole PDF'], ['notPdf', 'not a whole PDF']] as const) {
      world.org.control.setDocumentFault(String(invoice.Id), fault);
      const answer = await world.harness.call('invoices.document', { connectionId, id: invoice.Id });
      expect(answer.ok, fault).toBe(false);
      expect(answer.error, fault).toMatchObject({ code: 'SALESFORCE_ERROR', message: expect.stringContaining(words) });
      expect(documentFiles(world.dir)).toHaveLength(before);
    }
    world.org.control.setDocumentFault(String(invoice.Id), null);
  });

  it('the network dropping mid-download leaves nothing behind; the next try succeeds', async () => {
    const invoice = withDocument(4);
    const before = documentFiles(world.dir).length;
    world.org.control.injectFault({ kind: 'drop', pathPrefix: `/services/data/v67.0/sobjects/ContentVersion/${world.org.control.documentOf(String(invoice.Id))!.latestVersionId}` });
    const dropped = await world.harness.call('invoices.document', { connectionId, id: invoice.Id });
    expect(dropped.ok).toBe(false);
    expect(dropped.error?.code).toBe('NETWORK');
    expect(documentFiles(world.dir)).toHaveLength(before);
    const again = await world.harness.call('invoices.document', { connectionId, id: invoice.Id });
    expect(again.ok, JSON.stringify(again.error)).toBe(true);
    expect(documentFiles(world.dir)).toHaveLength(before + 1);
  });

  it('a document deleted in Salesforce is dropped from the kept copies at the next sync', async () => {
    const invoice = withDocument(4);
    const before = documentFiles(world.dir).length;
    world.org.control.deleteDocument(String(invoice.Id));
    expect((await world.harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    expect(documentFiles(world.dir)).toHaveLength(before - 1);
    const answer = await world.harness.call('invoices.document', { connectionId, id: invoice.Id });
    expect(answer.error?.code).toBe('NOT_FOUND');
  });

  it('with Salesforce gone and the app started again, serves the kept copy and says when it was kept', async () => {
    const invoice = invoices[1]!;
    const online = world.org.control.documentOf(String(invoice.Id))!;
    await world.org.stop();
    await world.harness.dispose();
    world.harness = await startHarness(world.org, world.dir, { secretBox: box, tokens: world.harness.tokens });
    const answer = await world.harness.call('invoices.document', { connectionId, id: invoice.Id });
    expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
    const value = answer.value as InvoiceDocument;
    expect(md5(value.bytes)).toBe(online.checksum);
    expect(Date.parse(value.keptAt!)).toBeGreaterThan(Date.now() - 600_000);
    // never opened online: nothing made up
    const never = await world.harness.call('invoices.document', { connectionId, id: withDocument(5).Id });
    expect(never.ok).toBe(false);
  });
});

describe('an invoice PDF: the session and the storage rules of the offline copy', () => {
  // Linux without a keyring and no consent to weaker storage: the offline copy is not written, nor are documents.
  const world = useOrgHarness({ invoices: 20 }, { secretBox: new TestSecretBox('basic_text'), sync: 'incremental' });

  it('an expired session while downloading is refreshed and the download replayed, as every other request', async () => {
    const invoice = world.org.control.records('Invoice')[0]!;
    const doc = world.org.control.documentOf(String(invoice.Id))!;
    const before = world.org.control.counters().refreshes;
    // 401 INVALID_SESSION_ID on the VersionData request itself (the queries before it pass)
    world.org.control.injectFault({ kind: 'sessionExpired', pathPrefix: `/services/data/v67.0/sobjects/ContentVersion/${doc.latestVersionId}/VersionData` });
    const answer = await world.harness.call('invoices.document', { connectionId, id: invoice.Id });
    expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
    expect(md5((answer.value as InvoiceDocument).bytes)).toBe(doc.checksum);
    expect(world.org.control.counters().refreshes).toBe(before + 1);
  });

  it('without OS encryption (and no consent to weaker storage) nothing is written; the session still has it offline', async () => {
    const invoice = world.org.control.records('Invoice')[0]!;
    const folder = join(world.dir, 'invoices');
    const files = () => { try { return readdirSync(folder).filter((n) => n.endsWith('.documents')); } catch { return []; } };
    expect(files()).toEqual([]);
    await world.org.stop();
    const answer = await world.harness.call('invoices.document', { connectionId, id: invoice.Id });
    expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
    expect((answer.value as InvoiceDocument).keptAt).not.toBeNull();
    expect(files()).toEqual([]);
  });
});

describe('an invoice PDF kept under weaker storage', () => {
  it('is deleted with the offline copies when weaker storage is switched off', async () => {
    const org = await startOrg({ invoices: 10 });
    const temp = tempDir();
    const harness = await startHarness(org, temp.dir, { secretBox: new TestSecretBox('basic_text') });
    try {
      harness.settings.update({ allowWeakStorage: true });
      await harness.settings.settled();
      expect((await harness.call('invoices.sync', { connectionId })).ok).toBe(true);
      const invoice = org.control.records('Invoice')[0]!;
      expect((await harness.call('invoices.document', { connectionId, id: invoice.Id })).ok).toBe(true);
      expect(documentFiles(temp.dir)).toHaveLength(1);
      harness.settings.update({ allowWeakStorage: false });
      await harness.settings.settled();
      expect(readdirSync(join(temp.dir, 'invoices'))).toEqual([]);
    } finally {
      await harness.dispose();
      await org.stop();
      temp.remove();
    }
  });
});

describe('an invoice PDF with a disk budget of 0', () => {
  it('opens online, keeps nothing on disk, and says offline that it was never kept', async () => {
    const org = await startOrg({ invoices: 10 });
    const temp = tempDir();
    const harness = await startHarness(org, temp.dir, { secretBox: new TestSecretBox() });
    try {
      expect((await harness.call('invoices.sync', { connectionId })).ok).toBe(true);
      const invoice = org.control.records('Invoice')[0]!;
      expect((await harness.call('invoices.document', { connectionId, id: invoice.Id })).ok).toBe(true);
      expect(documentFiles(temp.dir)).toHaveLength(1);
      harness.settings.update({ pdfBudgetMb: 0 });
      await harness.settings.settled();
      expect(documentFiles(temp.dir)).toEqual([]); // the lower budget evicted at once
      const online = await harness.call('invoices.document', { connectionId, id: invoice.Id });
      expect(online.ok, JSON.stringify(online.error)).toBe(true);
      expect(md5((online.value as InvoiceDocument).bytes)).toBe(org.control.documentOf(String(invoice.Id))!.checksum);
      expect(documentFiles(temp.dir)).toEqual([]);
      await org.stop();
      const offline = await harness.call('invoices.document', { connectionId, id: invoice.Id });
      expect(offline.ok).toBe(false);
      expect(offline.error?.code).toBe('NETWORK');
    } finally {
      await harness.dispose();
      await org.stop().catch(() => undefined);
      temp.remove();
    }
  });
});
