import type { Transform } from 'node:stream';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerDecoders } from '../../../electron/core/salesforce/answer-decoding';
import { exchangeText, exchangeWhole } from '../../../electron/core/salesforce/http-exchange';
import { listenLoopback } from './loopback';

/**
 * Stacked encodings (review34's low, session 35): with `Content-Encoding: gzip, gzip` (or a `br`, `deflate` list) the stage
 * undone first makes the compressed bytes of the next, and the answer's limit is counted on the last stage's output only. A
 * hostile server or proxy can send a few KB whose middle stage unpacks to far more than the answer may be. Each stage is now
 * bounded (answer-decoding.ts): it waits while the next one is full, and it fails the answer with the caller's too-large
 * error once it has made more than the limit. Against a real 127.0.0.1 server, through both readers of the sync.
 */

const LIMIT = 1 << 20;
const tooLarge = () => new Error('The answer is larger than Budgetly reads.');

/** A gzip member whose text is empty, made of `blocks` empty stored blocks: it unpacks to nothing however long it is. */
function emptyGzipOfBlocks(blocks: number): Buffer {
  const header = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
  const emptyStored = Buffer.from([0x00, 0x00, 0x00, 0xff, 0xff]); // not the last block, stored, length 0
  const last = Buffer.from([0x03, 0x00]); // the last block, fixed codes, end of block at once
  return Buffer.concat([header, Buffer.alloc(blocks * emptyStored.length, emptyStored), last, Buffer.alloc(8)]); // CRC-32 and size of nothing: 0
}

/** ~1 GiB of text behind 16 copies of one gzip member of 64 MiB of zeros (the middle stage: ~1 MiB). */
const member = gzipSync(Buffer.alloc(64 << 20), { level: 9 });
const middle = Buffer.concat(Array.from({ length: 16 }, () => member));
/** Content-Encoding → the bytes sent (codings applied left to right: the last one is undone first). */
const BOMBS: Record<string, Buffer> = {
  'gzip, gzip': gzipSync(middle),
  'gzip, br': brotliCompressSync(middle),
  'gzip, deflate': deflateSync(middle),
};
/** 8 MiB in the middle stage, nothing in the text: only a bound on the middle stage stops it. */
const EMPTY_TEXT = 'gzip, x-gzip';
BOMBS[EMPTY_TEXT] = gzipSync(emptyGzipOfBlocks(Math.floor((8 << 20) / 5)));

let server: Awaited<ReturnType<typeof listenLoopback>>;
beforeAll(async () => {
  server = await listenLoopback((req, res) => {
    const coding = decodeURIComponent(new URL(req.url ?? '/', 'http://x').searchParams.get('coding') ?? '');
    const body = BOMBS[coding]!;
    res.writeHead(200, { 'content-type': 'text/csv', 'content-encoding': coding, 'content-length': String(body.length) });
    res.end(body);
  });
});
afterAll(() => server.close());

const url = (coding: string) => `${server.base}/services/data/v62.0/jobs/query/750/results?coding=${encodeURIComponent(coding)}`;
const options = () => ({ signal: AbortSignal.timeout(60_000), maxBytes: LIMIT, tooLarge });

async function refusal(read: Promise<unknown>): Promise<string> {
  return read.then(
    () => 'read whole',
    (error: unknown) => (error as Error).message,
  );
}

describe('an answer whose encodings stack up (a decompression bomb)', () => {
  it.each(Object.keys(BOMBS).map((coding) => [coding]))('%s: refused with the too-large error by both readers', async (coding) => {
    const before = process.memoryUsage().rss;
    expect(await refusal(exchangeWhole({ method: 'GET', url: url(coding), headers: {} }, options()))).toBe(tooLarge().message);
    expect(await refusal(exchangeText({ method: 'GET', url: url(coding), headers: {} }, options()))).toBe(tooLarge().message);
    // For the record (not asserted): what the process grew to while refusing, the limit being 1 MiB.
    console.log(`${coding}: ${BOMBS[coding]!.length} bytes sent; RSS ${((process.memoryUsage().rss - before) / 2 ** 20).toFixed(1)} MiB above where it started`);
  });

  it('a deflate stage waits while its reader is full (zlib’s gzip and br stages do): it never holds a chunk’s whole expansion', async () => {
    const inflate = (answerDecoders('deflate', 64 << 20) as Transform[])[0]!;
    // One written chunk of ~8 KB that unpacks to 8 MiB, read slowly: the stage must not run ahead of its reader.
    inflate.end(deflateSync(Buffer.alloc(8 << 20)));
    let held = 0;
    let read = 0;
    let reads = 0;
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      read += chunk.length;
      // A slow reader for its first 16 reads: the stage has time to run ahead, if it does.
      if (++reads <= 16) await new Promise((resolve) => setTimeout(resolve, 10));
      held = Math.max(held, inflate.readableLength);
    }
    console.log(`deflate stage: at most ${held} bytes held (its buffer: ${inflate.readableHighWaterMark})`);
    expect(read).toBe(8 << 20);
    expect(held).toBeLessThanOrEqual(4 * inflate.readableHighWaterMark);
  });
});
