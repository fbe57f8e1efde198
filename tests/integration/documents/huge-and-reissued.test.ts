import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsforce from 'jsforce';
import { beforeAll, describe, expect, it } from 'vitest';
import { useOrgHarness } from '../../support/org-setup';
import type { InvoiceDocument } from '../../../electron/contract';
import { downloadBlob } from '../../../electron/core/documents/document-download';
import { TestSecretBox } from '../../support/test-ports';
import { CONNECTION_ID as connectionId } from '../invoices/support/invoice-harness';
import { CLIENT_ID } from '../invoices/support/org-login';

const MB = 1024 * 1024;
const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');
function keptFiles(dir: string): string[] {
  const folder = join(dir, 'invoices');
  let names: string[];
  try { names = readdirSync(folder); } catch { return []; }
  return names.filter((n) => n.endsWith('.documents')).flatMap((n) => readdirSync(join(folder, n)));
}

describe('the org’s remaining document cases: a 200 MB file and a document re-issued while the app runs', () => {
  const world = useOrgHarness({ invoices: 40 }, { secretBox: new TestSecretBox(), sync: 'incremental' });
  let withDocument: string[];

  beforeAll(() => {
    withDocument = world.org.control.records('Invoice').map((r) => String(r.Id)).filter((id) => world.org.control.documentOf(id) !== null);
  });

  it('a 200 MB document (ContentSize honest) is refused with a clear error before a byte of it is downloaded', async () => {
    const id = withDocument[3]!;
    world.org.control.setDocumentFault(id, 'huge');
    expect(world.org.control.documentOf(id)!.size).toBe(200 * MB);
    const sentBefore = world.org.control.counters().documentBytesSent;
    const answer = await world.harness.call('invoices.document', { connectionId, id });
    expect(answer.ok).toBe(false);
    expect(answer.error).toMatchObject({ code: 'SALESFORCE_ERROR', message: expect.stringMatching(/larger than 50 MB|50 MB/) });
    expect(world.org.control.counters().documentBytesSent).toBe(sentBefore);
    expect(keptFiles(world.dir)).toEqual([]);
  });

  it('downloaded anyway (its VersionData asked for directly), the stream is cut at once: a few MB cross at most, memory stays far under 200 MB', async () => {
    const id = withDocument[3]!;
    const version = world.org.control.documentOf(id)!.latestVersionId;
    const conn = new jsforce.Connection({
      oauth2: { clientId: CLIENT_ID, loginUrl: world.harness.tokens.instanceUrl, redirectUri: 'http://localhost:1717/OauthRedirect' },
      instanceUrl: world.harness.tokens.instanceUrl, accessToken: world.harness.tokens.accessToken, refreshToken: world.harness.tokens.refreshToken, version: '67.0',
    });
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
    const sentBefore = world.org.control.counters().documentBytesSent;
    try {
      await expect(downloadBlob(conn as never, `/sobjects/ContentVersion/${version}/VersionData`)).rejects.toMatchObject({ code: 'SALESFORCE_ERROR', message: expect.stringContaining('50 MB') });
      // Give the org's stream the moment it needs to see the hang-up.
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      clearInterval(sampler);
    }
    const sent = world.org.control.counters().documentBytesSent - sentBefore;
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(16 * MB);
    expect(peak - baseline).toBeLessThan(64 * MB);
    world.org.control.setDocumentFault(id, null);
  });

  it('a 200 MB document is a real PDF end to end: it starts %PDF- and ends with its cross-reference and %%EOF (checked on the stream, not in memory)', async () => {
    // The org’s own guard: the file is never built as one buffer.
    const id = withDocument[4]!;
    world.org.control.setDocumentFault(id, 'huge');
    const doc = world.org.control.documentOf(id)!;
    const response = await fetch(`${world.harness.tokens.instanceUrl}/services/data/v67.0/sobjects/ContentVersion/${doc.latestVersionId}/VersionData`, {
      headers: { Authorization: `Bearer ${world.harness.tokens.accessToken}` },
    });
    expect(response.headers.get('content-length')).toBe(String(200 * MB));
    const hash = createHash('md5');
    let size = 0;
    let head = '';
    let tail = Buffer.alloc(0);
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      if (size === 0) head = Buffer.from(chunk.subarray(0, 8)).toString('latin1');
      hash.update(chunk);
      size += chunk.length;
      tail = Buffer.concat([tail, chunk]).subarray(-64);
    }
    expect(size).toBe(200 * MB);
    expect(hash.digest('hex')).toBe(doc.checksum);
    expect(head).toMatch(/^%PDF-/);
    expect(tail.toString('latin1')).toMatch(/startxref\s+\d+\s+%%EOF\s*$/);
    world.org.control.setDocumentFault(id, null);
  });

  it('re-issued in Salesforce while the app runs: the kept copy is dropped at the next sync and the next open shows the new version', async () => {
    const id = withDocument[0]!;
    const first = await world.harness.call('invoices.document', { connectionId, id });
    expect(first.ok, JSON.stringify(first.error)).toBe(true);
    const before = world.org.control.documentOf(id)!;
    expect(md5((first.value as InvoiceDocument).bytes)).toBe(before.checksum);
    expect(keptFiles(world.dir)).toHaveLength(1);

    world.org.control.reissueDocument(id);
    const after = world.org.control.documentOf(id)!;
    expect(after.versionIds).toHaveLength(before.versionIds.length + 1);
    expect(after.latestVersionId).not.toBe(before.latestVersionId);
    expect(after.checksum).not.toBe(before.checksum);

    expect((await world.harness.call('invoices.sync', { connectionId })).ok).toBe(true);
    expect(keptFiles(world.dir)).toEqual([]); // the old version is gone

    const next = await world.harness.call('invoices.document', { connectionId, id });
    expect(next.ok, JSON.stringify(next.error)).toBe(true);
    const bytes = (next.value as InvoiceDocument).bytes;
    expect(md5(bytes)).toBe(after.checksum);
    const file = join(world.dir, 'reissued.pdf');
    writeFileSync(file, bytes);
    expect(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })).toContain(`Re-issued (version ${after.versionIds.length})`);
    expect(keptFiles(world.dir)).toHaveLength(1); // the new one kept in its place

    // Offline now: the new version is what is served.
    await world.org.stop();
    const offline = await world.harness.call('invoices.document', { connectionId, id });
    expect(offline.ok, JSON.stringify(offline.error)).toBe(true);
    expect(md5((offline.value as InvoiceDocument).bytes)).toBe(after.checksum);
  });
});
