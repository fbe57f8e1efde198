/* eslint-disable @typescript-eslint/no-explicit-any -- jsforce records */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startOrg, type OrgOptions, type RunningOrg } from '../../org/index.ts';
import { api, connection, freshTokens } from './org-test-helpers.ts';

let org: RunningOrg | undefined;
async function start(options: OrgOptions = {}) {
  org = await startOrg({ port: 0, invoices: 40, ...options });
  const t = await freshTokens(org);
  return { o: org, t, conn: connection(org, t) };
}
afterEach(async () => {
  await org?.stop();
  org = undefined;
});

const V = '/services/data/v62.0';
async function bytesOf(o: RunningOrg, token: string, versionId: string) {
  const res = await fetch(`${o.url}${V}/sobjects/ContentVersion/${versionId}/VersionData`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}
const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');
function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'org-pdf-'));
  writeFileSync(join(dir, 'f.pdf'), bytes);
  return execFileSync('pdftotext', ['-layout', join(dir, 'f.pdf'), '-'], { encoding: 'utf8' });
}

describe('invoice documents (Revenue Cloud: InvoiceDocument → ContentDocument → ContentVersion)', () => {
  it('serves a real PDF of the invoice whose Checksum is the MD5 of the bytes; pdftotext shows its number and total', async () => {
    const { o, t, conn } = await start();
    const inv = o.control.records('Invoice')[0]!;
    const links = (await conn.query<any>(`SELECT Id, InvoiceId, ContentDocumentId, DocumentDate, Status FROM InvoiceDocument WHERE InvoiceId = '${String(inv.Id)}'`)).records;
    expect(links).toHaveLength(1);
    expect(links[0].Status).toBe('Completed');
    const versions = (await conn.query<any>(
      `SELECT Id, Title, FileExtension, ContentSize, Checksum, IsLatest, VersionData FROM ContentVersion WHERE ContentDocumentId = '${String(links[0].ContentDocumentId)}' AND IsLatest = true`,
    )).records;
    expect(versions).toHaveLength(1);
    const v = versions[0];
    expect(v.FileExtension).toBe('pdf');
    expect(v.VersionData).toBe(`${V}/sobjects/ContentVersion/${String(v.Id)}/VersionData`);
    const got = await bytesOf(o, t.access_token, v.Id);
    expect(got.status).toBe(200);
    expect(got.type).toBe('application/octet-stream');
    expect(got.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(v.ContentSize).toBe(got.bytes.length);
    expect(v.Checksum).toBe(md5(got.bytes));
    // the same bytes again (the checksum is stable across renders)
    expect(md5((await bytesOf(o, t.access_token, v.Id)).bytes)).toBe(v.Checksum);
    const text = pdfText(got.bytes);
    const total = (Number(inv.TotalAmount) + Number(inv.TotalTaxAmount)).toFixed(2);
    expect(text).toContain(String(inv.DocumentNumber));
    expect(text).toContain(`Total: USD ${total}`);
    expect(Number(inv.TotalAmountWithTax).toFixed(2)).toBe(total);
    expect(text).toContain(String((inv.BillingAccount as any).Name));
  });

  it('a re-issued invoice has two versions, the latest one IsLatest; some invoices have none', async () => {
    const { o, t, conn } = await start();
    const [, second, third] = o.control.records('Invoice');
    const doc = o.control.documentOf(String(second!.Id))!;
    expect(doc.versionIds).toHaveLength(2);
    const rows = (await conn.query<any>(`SELECT Id, IsLatest, VersionNumber FROM ContentVersion WHERE ContentDocumentId = '${doc.contentDocumentId}' ORDER BY VersionNumber`)).records;
    expect(rows.map((r: any) => [r.VersionNumber, r.IsLatest])).toEqual([['1', false], ['2', true]]);
    expect(rows[1].Id).toBe(doc.latestVersionId);
    expect(pdfText((await bytesOf(o, t.access_token, doc.latestVersionId)).bytes)).toContain('Re-issued');
    expect(o.control.documentOf(String(third!.Id))).toBeNull();
    expect((await conn.query(`SELECT Id FROM InvoiceDocument WHERE InvoiceId = '${String(third!.Id)}'`)).totalSize).toBe(0);
    // across the org: most invoices have one document, some two versions, some none
    const all = (await conn.query<any>('SELECT InvoiceId FROM InvoiceDocument')).records;
    expect(all.length).toBeGreaterThan(20);
    expect(all.length).toBeLessThan(40);
  });

  it('describes the document objects as other objects; a blob field is base64', async () => {
    const { conn } = await start();
    const d = await conn.sobject('ContentVersion').describe();
    const field = (n: string) => d.fields.find((f: any) => f.name === n)!;
    expect(field('VersionData').type).toBe('base64');
    expect(field('Checksum').type).toBe('string');
    expect(field('ContentDocumentId').referenceTo).toEqual(['ContentDocument']);
    const names = (await conn.describeGlobal()).sobjects.map((s: any) => s.name);
    expect(names).toEqual(expect.arrayContaining(['ContentDocument', 'ContentVersion', 'InvoiceDocument']));
    expect(names).not.toContain('ContentDocumentLink'); // only the custom invoice objects link their files that way
  });

  it('blng__Invoice__c and custom invoices reach their files through ContentDocumentLink', async () => {
    const { o, t, conn } = await start({ objects: ['blng__Invoice__c', 'Invoice__c'] });
    for (const [objectName, numberField] of [['blng__Invoice__c', 'Name'], ['Invoice__c', 'Name']] as const) {
      const inv = o.control.records(objectName)[0]!;
      const links = (await conn.query<any>(`SELECT ContentDocumentId, LinkedEntityId FROM ContentDocumentLink WHERE LinkedEntityId = '${String(inv.Id)}'`)).records;
      expect(links).toHaveLength(1);
      const v = (await conn.query<any>(`SELECT Id, Checksum FROM ContentVersion WHERE ContentDocumentId = '${String(links[0].ContentDocumentId)}' AND IsLatest = true`)).records[0];
      const got = await bytesOf(o, t.access_token, v.Id);
      expect(md5(got.bytes)).toBe(v.Checksum);
      expect(pdfText(got.bytes)).toContain(String(inv[numberField]));
    }
  });

  it("Salesforce's errors: a missing version 404 NOT_FOUND, a deleted document ENTITY_IS_DELETED, an unreadable one 403", async () => {
    const { o, t, conn } = await start();
    const [first, second] = o.control.records('Invoice');
    const doc = o.control.documentOf(String(first!.Id))!;
    const missing = await api(o, `${V}/sobjects/ContentVersion/068000000000000AAA/VersionData`, t.access_token);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual([{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]);
    o.control.setDocumentFault(String(second!.Id), 'unreadable');
    const locked = await api(o, `${V}/sobjects/ContentVersion/${o.control.documentOf(String(second!.Id))!.latestVersionId}/VersionData`, t.access_token);
    expect(locked.status).toBe(403);
    expect(locked.body[0].errorCode).toBe('INSUFFICIENT_ACCESS_OR_READONLY');
    o.control.deleteDocument(String(first!.Id));
    const gone = await api(o, `${V}/sobjects/ContentVersion/${doc.latestVersionId}/VersionData`, t.access_token);
    expect(gone.status).toBe(404);
    expect(gone.body[0].errorCode).toBe('ENTITY_IS_DELETED');
    expect((await conn.query(`SELECT Id FROM InvoiceDocument WHERE InvoiceId = '${String(first!.Id)}'`)).totalSize).toBe(0);
    expect((await conn.query(`SELECT Id FROM ContentVersion WHERE ContentDocumentId = '${doc.contentDocumentId}'`)).totalSize).toBe(0);
    expect(o.control.documentOf(String(first!.Id))).toBeNull();
  });

  it('control faults: changed bytes keep the old Checksum; a non-PDF, truncated or empty upload carries its own', async () => {
    const { o, t, conn } = await start();
    const id = String(o.control.records('Invoice')[0]!.Id);
    const before = o.control.documentOf(id)!;
    const latest = async () => (await conn.query<any>(`SELECT ContentSize, Checksum FROM ContentVersion WHERE Id = '${before.latestVersionId}'`)).records[0];
    o.control.setDocumentFault(id, 'mismatch');
    const changed = await bytesOf(o, t.access_token, before.latestVersionId);
    expect((await latest()).Checksum).toBe(before.checksum);
    expect(md5(changed.bytes)).not.toBe(before.checksum);
    for (const fault of ['notPdf', 'truncated', 'empty'] as const) {
      o.control.setDocumentFault(id, fault);
      const got = await bytesOf(o, t.access_token, before.latestVersionId);
      const meta = await latest();
      expect(meta.Checksum).toBe(md5(got.bytes));
      expect(meta.ContentSize).toBe(got.bytes.length);
      expect(got.bytes.subarray(0, 5).toString() === '%PDF-' && got.bytes.includes('%%EOF')).toBe(false);
    }
    expect((await bytesOf(o, t.access_token, before.latestVersionId)).bytes.length).toBe(0);
    o.control.setDocumentFault(id, null);
    expect(md5((await bytesOf(o, t.access_token, before.latestVersionId)).bytes)).toBe(before.checksum);
  });

  it('renders lazily: 100k invoices start without making a PDF', async () => {
    const { o, conn } = await start({ invoices: 100_000 });
    const last = `INV-${String(100_000).padStart(7, '0')}`;
    const inv = (await conn.query<any>(`SELECT Id FROM Invoice WHERE DocumentNumber = '${last}'`)).records[0];
    expect(o.control.counters().documentsRendered).toBe(0);
    const found = (await conn.query<any>(`SELECT ContentDocumentId FROM InvoiceDocument WHERE InvoiceId = '${String(inv.Id)}'`)).records;
    expect(found.map((r: any) => r.ContentDocumentId)).toEqual([o.control.documentOf(String(inv.Id))?.contentDocumentId].filter(Boolean));
    const docs = (await conn.query<any>('SELECT COUNT() FROM ContentDocument')).totalSize;
    expect(docs).toBeGreaterThan(90_000);
    // a query that reads the checksum of one document renders that one only
    const first = (await conn.query<any>("SELECT Id FROM Invoice WHERE DocumentNumber = 'INV-0000001'")).records[0];
    const before = o.control.counters().documentsRendered;
    expect(before).toBeLessThanOrEqual(1); // the last invoice's document, when it has one
    const doc = o.control.documentOf(String(first.Id))!;
    expect(o.control.counters().documentsRendered).toBe(before + 1);
    const read = await conn.query<any>(`SELECT Checksum FROM ContentVersion WHERE ContentDocumentId = '${doc.contentDocumentId}'`);
    expect(read.records.map((r: any) => r.Checksum)).toEqual([doc.checksum]);
    expect(o.control.counters().documentsRendered).toBe(before + 1);
  });
});
