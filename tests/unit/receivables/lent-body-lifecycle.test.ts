import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppErrorValue } from '../../../electron/contract';
import { giveBodyBuffer, LentBody, releaseSpareBodies, spareBodyCount, takeBodyBuffer } from '../../../electron/core/salesforce/body-buffers';
import { exchangeText, exchangeWhole } from '../../../electron/core/salesforce/http-exchange';
import { SessionManager, type SessionSource, type SessionTokens } from '../../../electron/core/salesforce/session-manager';
import { MemoryLogger } from '../../support/test-ports';
import { listenLoopback } from './loopback';

/**
 * The life of the buffers an answer's body is read into (body-buffers.ts, http-exchange.ts), past one answer read whole:
 * a buffer given back twice (two later answers would share it: one page's records showing another's), the invoice data a
 * buffer held when it is let go (outgrown, too large to keep, a failed answer's, a Bulk part cut off), and the spare
 * buffers kept after the last session ends (sign-out).
 */

const zeroed = (buffer: Buffer | Uint8Array) => buffer.every((byte) => byte === 0);
const INVOICE = '{"records":[{"Id":"a01","Name":"INV-0001 Zoë Müller","Amount__c":1200.5}]}';

/** Serves a page declared whole and cut off halfway (`/cut`), or whole (`/page`). */
let server: Awaited<ReturnType<typeof listenLoopback>>;
const body = Buffer.from(INVOICE.repeat(400), 'utf8');
beforeAll(async () => {
  server = await listenLoopback((req, res) => {
    res.writeHead(200, { 'content-type': req.url?.includes('results') ? 'text/csv' : 'application/json', 'content-length': String(body.length) });
    if (req.url?.includes('cut')) {
      res.write(body.subarray(0, body.length >> 1));
      return void setTimeout(() => res.socket?.destroy(), 20);
    }
    res.end(body);
  });
});
afterAll(() => server.close());
afterEach(() => releaseSpareBodies());

describe('a lent body buffer', () => {
  it('given back twice, is still lent to one answer at a time', () => {
    releaseSpareBodies();
    const first = new LentBody(16);
    first.add(Buffer.from('first'));
    first.giveBack();
    // The next answer takes the buffer just given back; a second giveBack of the first must not put it in the pool again.
    const second = new LentBody(16);
    first.giveBack();
    const third = new LentBody(16);
    second.add(Buffer.from('page two'));
    third.add(Buffer.from('PAGE THREE'));
    expect(second.text()).toBe('page two');
    expect(third.text()).toBe('PAGE THREE');
    second.giveBack();
    third.giveBack();
    expect(spareBodyCount()).toBe(2);
  });

  it('given back twice straight through giveBodyBuffer, is kept once', () => {
    releaseSpareBodies();
    const buffer = takeBodyBuffer(16);
    giveBodyBuffer(buffer, 0);
    giveBodyBuffer(buffer, 0);
    expect(spareBodyCount()).toBe(1);
    expect(takeBodyBuffer(16)).toBe(buffer);
    expect(takeBodyBuffer(16)).not.toBe(buffer);
  });

  it('takes no chunk once given back', () => {
    const lent = new LentBody(16);
    lent.giveBack();
    expect(lent.add(Buffer.from(INVOICE))).toBe(false);
    const next = new LentBody(16);
    expect(next.text()).toBe('');
  });

  it('outgrown, is wiped before it is let go', () => {
    releaseSpareBodies();
    const small = Buffer.alloc(32);
    giveBodyBuffer(small, 0);
    const lent = new LentBody();
    lent.add(Buffer.from(INVOICE.slice(0, 30)));
    lent.add(Buffer.from(INVOICE.slice(30)));
    expect(lent.text()).toBe(INVOICE);
    expect(zeroed(small)).toBe(true);
  });

  it('too large to keep (over 8 MB), is wiped before it is let go', () => {
    const large = Buffer.alloc(9 * 1024 * 1024, 'INV-0001;');
    giveBodyBuffer(large, large.length);
    expect(spareBodyCount()).toBe(0);
    expect(zeroed(large)).toBe(true);
  });

  it('of an answer cut off mid-way, is wiped and not lent again', async () => {
    releaseSpareBodies();
    const seeded = Buffer.alloc(body.length * 2);
    giveBodyBuffer(seeded, 0);
    const cut = exchangeText({ method: 'GET', url: `${server.base}/services/data/v62.0/query/cut`, headers: {} }, { signal: AbortSignal.timeout(10_000), maxBytes: 4 << 20, tooLarge: () => new Error('too large') });
    await expect(cut).rejects.toThrow();
    expect(zeroed(seeded)).toBe(true);
    expect(spareBodyCount()).toBe(0);
    const whole = await exchangeText({ method: 'GET', url: `${server.base}/services/data/v62.0/query/page`, headers: {} }, { signal: AbortSignal.timeout(10_000), maxBytes: 4 << 20, tooLarge: () => new Error('too large') });
    expect(whole.text).toBe(body.toString('utf8'));
  });

  it('of a Bulk part cut off mid-way (memory of its own), is wiped', async () => {
    const made: SharedArrayBuffer[] = [];
    const Original = globalThis.SharedArrayBuffer;
    // The part's memory (kept-memory.ts) observed as it is made: the same kind of memory, recorded.
    globalThis.SharedArrayBuffer = class Recorded extends Original {
      constructor(bytes: number) {
        super(bytes);
        made.push(this);
      }
    } as SharedArrayBufferConstructor;
    try {
      const cut = exchangeWhole({ method: 'GET', url: `${server.base}/jobs/query/750/results/cut`, headers: {} }, { signal: AbortSignal.timeout(10_000), maxBytes: 4 << 20, tooLarge: () => new Error('too large') });
      await expect(cut).rejects.toThrow();
    } finally {
      globalThis.SharedArrayBuffer = Original;
    }
    const [part] = made;
    expect(made.length).toBe(1);
    expect(part?.byteLength).toBe(body.length);
    expect(zeroed(new Uint8Array(part ?? new Original(1)))).toBe(true);
  });
});

describe('the spare body buffers after the last session', () => {
  const tokens: SessionTokens = { accessToken: '00D000000000001!access', refreshToken: '5Aep-refresh', instanceUrl: 'https://acme.my.salesforce.com' };
  const source: SessionSource = {
    target: async () => ({ status: 'connected', loginUrl: 'https://login.salesforce.com', clientId: 'budgetly-demo' }),
    loadTokens: async () => tokens,
    saveTokens: async () => undefined,
    markReconnectNeeded: (_id: string, _error: AppErrorValue) => undefined,
  };

  it('are let go when the last session is forgotten (sign-out, removal), kept while another is open', async () => {
    const sessions = new SessionManager(source, { logger: new MemoryLogger() });
    await sessions.open('c1', '62.0');
    await sessions.open('c2', '62.0');
    giveBodyBuffer(takeBodyBuffer(16), 0);
    expect(spareBodyCount()).toBe(1);
    sessions.forget('c1');
    expect(spareBodyCount()).toBe(1);
    sessions.forget('c2');
    expect(spareBodyCount()).toBe(0);
  });
});
