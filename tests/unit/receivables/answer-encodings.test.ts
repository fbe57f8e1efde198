import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangeText, exchangeWhole } from '../../../electron/core/salesforce/http-exchange';
import { toAppError } from '../../../electron/core/salesforce/salesforce-errors';
import { listenLoopback } from './loopback';

/**
 * An answer's Content-Encoding read by the sync's reads (http-exchange.ts, answer-decoding.ts) as fetch reads it — the
 * sign-in's requests still go through fetch, and fetch was the sync's reader before session 33: raw deflate (no zlib header)
 * and a list of codings (`gzip, br`) failed the sync as NETWORK ("check your internet connection") while fetch read them.
 * Each answer is read three ways against a real loopback server: the Bulk part's reader, the query page's, and Node's fetch.
 */

/** ~120 KB of CSV with non-ASCII names: several socket chunks. */
const CSV = `"Id","Name"\n${Array.from({ length: 2_000 }, (_, i) => `"a0${String(i).padStart(16, '0')}","Zoë Müller 株式会社 ${i}"`).join('\n')}\n`;
const plain = Buffer.from(CSV, 'utf8');

/** Content-Encoding as sent → the body as sent (codings applied left to right). */
const ENCODED: Record<string, Buffer> = {
  deflate: deflateSync(plain),
  'deflate ': deflateRawSync(plain),
  'gzip, br': brotliCompressSync(gzipSync(plain)),
  'br,deflate': deflateRawSync(brotliCompressSync(plain)),
  'X-GZIP , Deflate': deflateSync(gzipSync(plain)),
  '': plain,
};
/** Not as fetch: undici takes `identity` for a coding it does not know and hands on the body still gzip'd. */
const IDENTITY_LISTED = 'identity, gzip';
ENCODED[IDENTITY_LISTED] = gzipSync(plain);

let server: Awaited<ReturnType<typeof listenLoopback>>;
beforeAll(async () => {
  server = await listenLoopback((req, res) => {
    const coding = decodeURIComponent(new URL(req.url ?? '/', 'http://x').searchParams.get('coding') ?? '');
    const pieces = req.url?.includes('pieces');
    const body = ENCODED[coding] ?? Buffer.from('?');
    res.writeHead(200, { 'content-type': 'text/csv', ...(coding ? { 'content-encoding': coding } : {}), ...(pieces ? {} : { 'content-length': String(body.length) }) });
    if (!pieces) return void res.end(body);
    // In pieces, the first one byte long (the deflate reader decides on the first byte).
    res.write(body.subarray(0, 1));
    setTimeout(() => res.end(body.subarray(1)), 5);
  });
});
afterAll(() => server.close());

const url = (coding: string, pieces = false) => `${server.base}/services/data/v62.0/jobs/query/750/results?coding=${encodeURIComponent(coding)}${pieces ? '&pieces' : ''}`;
const options = { signal: AbortSignal.timeout(10_000), maxBytes: 4 << 20, tooLarge: () => new Error('too large') };

describe('an answer’s Content-Encoding, read as fetch reads it', () => {
  it.each(Object.keys(ENCODED).filter((coding) => coding !== IDENTITY_LISTED).map((coding) => [JSON.stringify(coding), coding]))('%s: the same text by the part’s reader, the page’s reader and fetch', async (_name, coding) => {
    for (const pieces of [false, true]) {
      const part = await exchangeWhole({ method: 'GET', url: url(coding, pieces), headers: {} }, options);
      const page = await exchangeText({ method: 'GET', url: url(coding, pieces), headers: {} }, options);
      const fetched = await (await fetch(url(coding, pieces))).text();
      expect(fetched).toBe(CSV);
      expect(part.body.toString('utf8')).toBe(CSV);
      expect(page.text).toBe(CSV);
    }
  });

  it('takes `identity` in a list for no coding (where fetch hands on the body still compressed)', async () => {
    expect((await exchangeWhole({ method: 'GET', url: url(IDENTITY_LISTED), headers: {} }, options)).body.toString('utf8')).toBe(CSV);
    expect((await exchangeText({ method: 'GET', url: url(IDENTITY_LISTED, true), headers: {} }, options)).text).toBe(CSV);
  });

  it('refuses a coding it does not read, and more than five, naming them (NETWORK: the next answer may come plain)', async () => {
    for (const coding of ['compress', 'gzip, gzip, gzip, gzip, gzip, gzip']) {
      const error = await exchangeText({ method: 'GET', url: url(coding), headers: {} }, options).then(
        () => null,
        (failure: unknown) => failure as Error,
      );
      expect(toAppError(error).code).toBe('NETWORK');
      expect(error?.message).toContain(coding === 'compress' ? 'compress' : 'more than 5');
    }
  });
});
