import { AppError } from '../../contract';
import { englishMessage } from '../../contract/i18n/spoken-messages';
import { fetchTransport, jsforceAnswer, readBoundedBody, sendWithFetch } from '../salesforce/fetch-transport';
import { requestWith, type SalesforceConnection as Connection } from '../salesforce/jsforce-adapter';
import { toAppError } from '../salesforce/salesforce-errors';

/** The largest document Budgetly downloads (an invoice PDF is tens of KB; a scanned one a few MB). */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
const TIMEOUT_MS = 120_000;

export function documentTooLarge(maxBytes: number): AppError {
  const size = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / (1024 * 1024))} MB` : `${Math.round(maxBytes / 1024)} KB`;
  return new AppError('SALESFORCE_ERROR', englishMessage('documentTooLarge', { size }));
}

/**
 * A blob (VersionData) through the session's connection — its auth header, and on 401 the session's refresh and a
 * replay — with a transport that reads the bytes themselves: jsforce takes answers as text, so a 200's bytes are kept
 * aside and jsforce is handed an empty text body; an error answer goes to jsforce as text, as any other. The body is
 * read whole into memory (never a file), at most `maxBytes` (declared or as it arrives); a body that breaks off
 * rejects, so nothing partial is ever returned.
 */
export async function downloadBlob(conn: Connection, path: string, options: { maxBytes?: number; signal?: AbortSignal } = {}): Promise<Buffer> {
  const maxBytes = options.maxBytes ?? MAX_DOCUMENT_BYTES;
  let bytes: Buffer | null = null;
  const transport = fetchTransport(async (request) => {
    const signals = [AbortSignal.timeout(TIMEOUT_MS), ...(options.signal ? [options.signal] : [])];
    const response = await sendWithFetch(request, AbortSignal.any(signals));
    if (response.status !== 200) return jsforceAnswer(response, await response.text());
    bytes = await readAll(response, maxBytes);
    const answer = jsforceAnswer(response, '');
    answer.headers['content-type'] = 'text/plain';
    return answer;
  });
  try {
    await requestWith<unknown>(conn, { method: 'GET', url: path, headers: {} }, transport);
  } catch (error) {
    throw toAppError(error);
  }
  if (!bytes) throw new AppError('SALESFORCE_ERROR', englishMessage('documentDamaged'));
  return bytes;
}

async function readAll(response: Response, maxBytes: number): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  const length = await readBoundedBody(response, maxBytes, () => documentTooLarge(maxBytes), (chunk) => parts.push(chunk));
  const bytes = Buffer.concat(parts, length);
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared !== bytes.length) throw new AppError('NETWORK', englishMessage('documentCutShort'));
  return bytes;
}
