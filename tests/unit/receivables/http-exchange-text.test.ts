import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveBodyBuffer, takeBodyBuffer } from '../../../electron/core/salesforce/body-buffers';
import { exchangeText } from '../../../electron/core/salesforce/http-exchange';
import { toAppError } from '../../../electron/core/salesforce/salesforce-errors';
import { listenLoopback } from './loopback';

/**
 * A query page read as text through Node's http module (http-exchange.ts `exchangeText`, the sync's GETs since session 33):
 * its bytes go into a buffer lent for the answer and kept for the next one (body-buffers.ts). What a user would notice if
 * that went wrong: one page's records showing another's (two answers read at once sharing a buffer, or a late chunk of a
 * failed answer landing in the next one's), a sign-in's token left in memory handed to the next answer.
 */

/** Page `n`: ~90 KB of JSON with non-ASCII names (several socket chunks, multi-byte characters split between them). */
const page = (n: number) => JSON.stringify({ done: true, records: Array.from({ length: 1_500 }, (_, i) => ({ Id: `a0${n}-${i}`, Name: `Zoë Müller 株式会社 ${n}/${i}` })) });

let server: Awaited<ReturnType<typeof listenLoopback>>;
beforeAll(async () => {
  server = await listenLoopback((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const body = Buffer.from((url.searchParams.has('bom') ? '\ufeff' : '') + page(Number(url.searchParams.get('n'))), 'utf8');
    const declared = !url.searchParams.has('pieces');
    res.writeHead(200, { 'content-type': 'application/json', ...(declared ? { 'content-length': String(body.length) } : {}) });
    if (url.searchParams.has('cut')) {
      res.write(body.subarray(0, body.length >> 1));
      return void setTimeout(() => res.socket?.destroy(), 20);
    }
    // In two writes a few ms apart: answers read at once interleave their chunks.
    const half = (body.length >> 1) + 1;
    res.write(body.subarray(0, half));
    setTimeout(() => res.end(body.subarray(half)), 5 + (Number(url.searchParams.get('n')) % 4));
  });
});
afterAll(() => server.close());

const text = (query: string, maxBytes = 4 << 20) =>
  exchangeText({ method: 'GET', url: `${server.base}/services/data/v62.0/query?${query}`, headers: {} }, { signal: AbortSignal.timeout(10_000), maxBytes, tooLarge: () => new Error('too large') });

describe('a query page read as text into a lent buffer', () => {
  it('gives each of twelve pages read at once its own text, byte for byte, declared or in pieces, eight times over', async () => {
    for (let round = 0; round < 8; round++) {
      const answers = await Promise.all(Array.from({ length: 12 }, (_, n) => text(`n=${n}${n % 2 ? '&pieces' : ''}`)));
      answers.forEach((answer, n) => {
        expect(answer.statusCode).toBe(200);
        expect(answer.text).toBe(page(n));
      });
    }
  });

  it('leaves out a byte-order mark, as fetch’s text did', async () => {
    expect((await text('n=3&bom')).text).toBe(page(3));
    expect((await text('n=4&bom&pieces')).text).toBe(page(4));
  });

  it('fails a page cut off mid-way as NETWORK and a page over the limit as refused; the pages read next are whole', async () => {
    const cut = text('n=5&cut');
    const beside = text('n=6');
    await expect(cut).rejects.toSatisfy((error: unknown) => toAppError(error).code === 'NETWORK');
    await expect(text('n=7', 50_000)).rejects.toThrow('too large');
    expect((await beside).text).toBe(page(6));
    const next = await Promise.all([text('n=8'), text('n=9&pieces')]);
    expect(next.map((answer) => answer.text)).toEqual([page(8), page(9)]);
  });

  it('never lends one buffer to two answers at once', () => {
    giveBodyBuffer(takeBodyBuffer(64), 0);
    const first = takeBodyBuffer(64);
    const second = takeBodyBuffer(64);
    expect(second).not.toBe(first);
    giveBodyBuffer(second, 0);
    giveBodyBuffer(first, 0);
  });

  it('wipes a buffer given back before it is lent again (an answer may hold tokens)', () => {
    const lent = takeBodyBuffer(64);
    lent.write('{"access_token":"00D!secret"}');
    giveBodyBuffer(lent, 64);
    const again = takeBodyBuffer(64);
    expect(again).toBe(lent);
    expect(again.subarray(0, 64).every((byte) => byte === 0)).toBe(true);
  });
});
