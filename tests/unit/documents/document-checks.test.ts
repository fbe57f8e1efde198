import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract';
import { downloadBlob } from '../../../electron/core/documents/document-download';
import { checkDocument } from '../../../electron/core/documents/document-integrity';
import { limitedTransport } from '../../../electron/core/salesforce/http-limits';
import { createConnection } from '../../../electron/core/salesforce/jsforce-adapter';

const pdf = Buffer.from('%PDF-1.3\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');

async function failure(work: () => unknown): Promise<AppError> {
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a failure');
}

describe('checkDocument: the bytes are the file Salesforce describes, and a whole PDF', () => {
  it('passes a PDF whose MD5 is the Checksum, or (no checksum) whose length is ContentSize', () => {
    expect(() => checkDocument(pdf, { checksum: md5(pdf), size: 1 })).not.toThrow();
    expect(() => checkDocument(pdf, { checksum: null, size: pdf.length })).not.toThrow();
  });

  it('refuses a checksum or size mismatch, an empty file, a non-PDF and a cut-short PDF, each saying why', async () => {
    expect((await failure(() => checkDocument(pdf, { checksum: md5(Buffer.from('other')), size: pdf.length }))).message).toMatch(/does not match/);
    expect((await failure(() => checkDocument(pdf, { checksum: null, size: pdf.length + 1 }))).message).toMatch(/does not match/);
    expect((await failure(() => checkDocument(Buffer.alloc(0), { checksum: null, size: 0 }))).message).toMatch(/empty/);
    const html = Buffer.from('<html>not a pdf</html>');
    expect((await failure(() => checkDocument(html, { checksum: md5(html), size: html.length }))).message).toMatch(/not a whole PDF/);
    const cut = pdf.subarray(0, 20);
    expect((await failure(() => checkDocument(cut, { checksum: md5(cut), size: cut.length }))).message).toMatch(/not a whole PDF/);
  });
});

describe('downloadBlob: bytes through the session connection, with a size limit', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url?.includes('/declared/')) {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(5000) });
        res.end(Buffer.alloc(5000, 1));
      } else if (req.url?.includes('/chunked/')) {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        for (let i = 0; i < 10; i++) res.write(Buffer.alloc(500, 2));
        res.end();
      } else if (req.url?.includes('/missing/')) {
        res.writeHead(404, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]));
      } else {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(pdf.length) });
        res.end(pdf);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const conn = () => createConnection({ instanceUrl: base, accessToken: '00D000000000001!AQ.fake', version: '62.0' },
    limitedTransport({ timeoutMs: 5_000, maxRetries: 0, retryDelayMs: 5 }));

  it('returns the exact bytes (binary, not text)', async () => {
    const bytes = await downloadBlob(conn(), '/sobjects/ContentVersion/068000000000001AAA/VersionData');
    expect(Buffer.compare(bytes, pdf)).toBe(0);
  });

  it('refuses a file over the limit, declared or as it arrives, with a clear error', async () => {
    for (const kind of ['declared', 'chunked']) {
      const error = await failure(() => downloadBlob(conn(), `/${kind}/VersionData`, { maxBytes: 1000 }));
      expect(error.code).toBe('SALESFORCE_ERROR');
      expect(error.message).toMatch(/larger than 1 KB/);
    }
  });

  it("Salesforce's error answer is the error", async () => {
    const error = await failure(() => downloadBlob(conn(), '/missing/VersionData'));
    expect(error.message).toMatch(/does not exist/);
  });
});
