import { afterEach, describe, expect, it } from 'vitest';
import { KeptDocuments, type KeptDocument } from '../../../electron/core/documents/kept-documents';
import { MemoryLogger, tempDir, TestSecretBox } from '../../support/test-ports';

const document = (invoiceId: string, versionId: string, text: string): KeptDocument => ({
  invoiceId, contentDocumentId: `069${invoiceId}`, versionId, title: `${invoiceId}.pdf`, checksum: null,
  size: text.length, keptAt: '2026-12-04T10:00:00.000Z', bytes: Buffer.from(text),
});

describe('kept invoice documents, as the sync lists them', () => {
  const temp = tempDir();
  afterEach(() => temp.remove());

  it('lists each file as it is now: a document kept again in a new version, or dropped, is listed so at the next sync', async () => {
    const box = new TestSecretBox();
    const kept = new KeptDocuments(temp.dir, box, () => true, new MemoryLogger());
    await kept.keep('c1', document('I1', 'V1', '%PDF one'));
    await kept.keep('c1', document('I2', 'V1', '%PDF two'));
    expect((await kept.list('c1')).map((k) => `${k.invoiceId}:${k.versionId}`).sort()).toEqual(['I1:V1', 'I2:V1']);
    await kept.keep('c1', document('I1', 'V2', '%PDF one, re-issued'));
    await kept.drop('c1', 'I2');
    expect((await kept.list('c1')).map((k) => `${k.invoiceId}:${k.versionId}`)).toEqual(['I1:V2']);
    // Another instance (the app started again) reads the same from disk.
    const again = new KeptDocuments(temp.dir, box, () => true, new MemoryLogger());
    expect((await again.list('c1')).map((k) => `${k.invoiceId}:${k.versionId}`)).toEqual(['I1:V2']);
  });
});
