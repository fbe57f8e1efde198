import { createHash } from 'node:crypto';
import { AppError } from '../../contract';
import { englishMessage } from '../../contract/i18n/spoken-messages';

/**
 * Before a document is kept or shown: its bytes must be the ones Salesforce describes — MD5 = ContentVersion's
 * Checksum, or, without a checksum, the length = ContentSize — and look like a whole PDF (`%PDF-` at the start,
 * `%%EOF` near the end). Node never parses the PDF itself: that happens in the renderer's sandbox only.
 */
export function checkDocument(bytes: Uint8Array, expected: { checksum: string | null; size: number | null }): void {
  if (bytes.length === 0) throw new AppError('SALESFORCE_ERROR', englishMessage('documentEmpty'));
  if (expected.checksum) {
    const md5 = createHash('md5').update(bytes).digest('hex');
    if (md5 !== expected.checksum) throw new AppError('SALESFORCE_ERROR', englishMessage('documentMismatch'));
  } else if (expected.size !== null && expected.size !== bytes.length) {
    throw new AppError('SALESFORCE_ERROR', englishMessage('documentMismatch'));
  }
  if (!looksLikeWholePdf(bytes)) throw new AppError('SALESFORCE_ERROR', englishMessage('documentDamaged'));
}

function looksLikeWholePdf(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const head = buffer.subarray(0, 1024);
  const tail = buffer.subarray(Math.max(0, buffer.length - 1024));
  return head.includes('%PDF-') && tail.includes('%%EOF');
}
