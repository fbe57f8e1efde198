import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as tls from 'node:tls';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exchangeWhole, type ExchangeOptions } from '../../../electron/core/salesforce/http-exchange';
import { partAgents } from '../../../electron/core/salesforce/part-agents';
import { toAppError } from '../../../electron/core/salesforce/salesforce-errors';
import { failure } from '../../support/failure';
import { CERT, KEY } from '../../support/loopback-certificate';

/**
 * A Bulk API 2.0 part read over https — as the real Salesforce sends it — through the part agents (part-agents.ts: each
 * connection reads its socket into one buffer, reused for every read, handed to Node's HTTP client as it parses). A fault
 * there shows as a wrong body: a read handed on before it was parsed, or a buffer shared between two connections, mixes the
 * bytes of one read with the next one's; a connection paused while idle is reused after the server closed it. The server
 * has the loopback certificate, trusted by this file alone (added to Node's default authorities, then taken out again).
 */
type Reply = (res: ServerResponse, req: IncomingMessage) => void;

/** ~1.6 MB of CSV with non-ASCII names, every line different: ~100 TLS records, a part's worth of reads at a smaller size. */
const CSV = Buffer.from(`"Id","Name","Amount"\n${Array.from({ length: 24_000 }, (_, i) => `"a0${String(i).padStart(16, '0')}","Zoë Müller 株式会社 ${i}","${i}.25"`).join('\n')}\n`, 'utf8');
const PREFIX = Buffer.from('PART');

const declared =
  (body: Buffer, headers: Record<string, string> = {}): Reply =>
  (res) => {
    res.writeHead(200, { 'content-type': 'text/csv', 'content-length': String(body.length), ...headers });
    res.end(body);
  };
/** No length: chunked, in pieces of uneven sizes (some cut inside a multi-byte character), a few turns apart. */
const inPieces =
  (body: Buffer): Reply =>
  (res) => {
    res.writeHead(200, { 'content-type': 'text/csv' });
    let at = 0;
    const next = () => {
      if (at >= body.length) return void res.end();
      const size = 1 + ((at * 7919) % 90_001);
      res.write(body.subarray(at, (at += size)));
      setImmediate(next);
    };
    next();
  };

let server: Server;
let base: string;
let script: Reply[] = [];
let connections = 0;
let trustedBefore: string[] = [];

beforeAll(async () => {
  trustedBefore = tls.getCACertificates('default');
  tls.setDefaultCACertificates([...trustedBefore, CERT]);
  server = createServer({ key: KEY, cert: CERT }, (req, res) => {
    req.resume().on('end', () => (script.shift() ?? declared(CSV))(res, req));
  });
  server.on('secureConnection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  tls.setDefaultCACertificates(trustedBefore);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  script = [];
  server.closeAllConnections();
  connections = 0;
});

const tooLarge = () => Object.assign(new Error('too large'), { name: 'TooLarge' });
const get = (options: Partial<ExchangeOptions> = {}) =>
  exchangeWhole({ method: 'GET', url: `${base}/services/data/v62.0/jobs/query/750/results`, headers: { Authorization: 'Bearer 00D!x' } }, { signal: AbortSignal.timeout(10_000), maxBytes: 4 << 20, tooLarge, prefix: PREFIX, ...options });

describe('a results part over https, read into one buffer per connection', () => {
  it('comes whole, byte for byte, declared and in pieces, three parts one after the other over one connection', async () => {
    script = [declared(CSV), inPieces(CSV), declared(CSV, { 'sforce-locator': 'null' })];
    for (let i = 0; i < 3; i++) {
      const answer = await get();
      expect(answer.statusCode).toBe(200);
      expect(answer.body.equals(CSV)).toBe(true);
      expect(answer.whole.equals(Buffer.concat([PREFIX, CSV]))).toBe(true);
    }
    expect(connections).toBe(1);
  });

  it('unpacks a gzip answer whole (its packed bytes read into the buffer, unpacked after)', async () => {
    script = [declared(gzipSync(CSV), { 'content-encoding': 'gzip' })];
    expect((await get()).body.equals(CSV)).toBe(true);
  });

  it('reads two parts at once over two connections, each whole (no read of one lands in the other)', async () => {
    const other = Buffer.from(CSV.toString('utf8').replaceAll('Zoë', 'Åsa'), 'utf8');
    script = [inPieces(CSV), inPieces(other)];
    const [first, second] = await Promise.all([get(), get()]);
    expect(connections).toBe(2);
    expect(first.body.equals(CSV) || first.body.equals(other)).toBe(true);
    expect(second.body.equals(first.body.equals(CSV) ? other : CSV)).toBe(true);
  });

  it('opens a new connection when the server closed the idle one, and the part comes whole', async () => {
    expect((await get()).body.equals(CSV)).toBe(true);
    server.closeIdleConnections();
    // Once the agent has seen the close (no timed wait: under load the close may take longer to be read).
    await expect.poll(() => Object.keys(partAgents.https.freeSockets).length).toBe(0);
    expect((await get()).body.equals(CSV)).toBe(true);
    expect(connections).toBe(2);
  });

  it('fails a part cut off mid-way as NETWORK, without hanging; the next part comes whole', async () => {
    script = [
      (res) => {
        res.writeHead(200, { 'content-type': 'text/csv', 'content-length': String(CSV.length) });
        res.write(CSV.subarray(0, 700_000));
        setTimeout(() => res.socket?.destroy(), 20);
      },
    ];
    const error = await failure(get());
    expect(error).toMatchObject({ name: 'NetworkError' });
    expect(toAppError(error).code).toBe('NETWORK');
    expect((await get()).body.equals(CSV)).toBe(true);
  });

  it('refuses a part past the limit as it arrives (no length declared); the next part comes whole', async () => {
    script = [inPieces(CSV)];
    expect(await failure(get({ maxBytes: 1_000_000 }))).toMatchObject({ name: 'TooLarge' });
    expect((await get()).body.equals(CSV)).toBe(true);
  });
});
