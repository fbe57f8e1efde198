import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How a list window's answer crosses from the bench's core (Node) to the page (Chromium), where Electron's IPC makes a
 * structured clone: no JSON, no base64 — each typed array arrives with a backing store of its own, each string as a
 * string. Playwright's binding carries text only, so:
 * - `binary` (the default): the answer crosses as a small JSON header over the binding (every value but the typed
 *   arrays and the long texts), and the typed arrays' bytes and the long texts' UTF-8 beside it, in one body the page
 *   fetches from the harness's own server on 127.0.0.1; the page builds each typed array on a backing store of its own
 *   and decodes each text (page/probe-crossing.ts). The page's heap then holds what the app's would, plus the header's
 *   JSON text (the window's shared strings: tens of KiB) — not the window's 1.8 MiB of JSON and base64 texts.
 * - `json` (BENCH_CROSSING=json; the crossing until session 30): one JSON string, each typed array as base64 text.
 * Only `invoices.listColumns` answers (the list's windows as columns) cross in binary; every other answer is one JSON string.
 */
export type Crossing = 'binary' | 'json';

export function crossingOf(value = process.env.BENCH_CROSSING): Crossing {
  if (value === undefined || value === '' || value === 'binary') return 'binary';
  if (value === 'json') return 'json';
  throw new Error(`BENCH_CROSSING is "${value}": say binary (the default) or json.`);
}

/** What crossed in a run, for the rows' notes: the crossing and its sizes over every window. */
export function crossingNote(run: { crossing: Crossing; listJsonCharsAll: number; listBytesAll: number }): string {
  const mib = (n: number) => (n / 2 ** 20).toFixed(1);
  if (run.crossing === 'json') return `one JSON string per answer over Playwright's binding, typed arrays as base64 (BENCH_CROSSING=json): ${mib(run.listJsonCharsAll)} Mi characters in all, JSON.parse and base64 decoded in the page`;
  return `a JSON header per answer over Playwright's binding (${mib(run.listJsonCharsAll)} Mi characters in all) + the typed arrays' and long texts' bytes fetched from 127.0.0.1 (${mib(run.listBytesAll)} MiB), each typed array made on a backing store of its own in the page`;
}

/** A typed array's kind as it crosses (the page makes the same kind again). */
export type PartKind = 'Uint8Array' | 'Uint32Array' | 'Float64Array' | 'Int32Array' | 'utf8';
/** Strings at least this long cross as UTF-8 bytes (the own fields' one string per window: ~200,000 characters each). */
const LONG_TEXT = 4_096;

/** Answers whose parts wait for the page's fetch, served once each by the harness's server on 127.0.0.1. */
export interface PartServer {
  /**
   * The answer as the text the binding returns: one JSON string (`json`, typed arrays as base64), or the header of
   * `binary` with its parts copied into one body (the copy is the harness's serialize: the core's buffers may be used
   * again once answered, as Electron's clone copies them while the reply is sent).
   */
  pack(channel: string, result: unknown): string;
  /** Bodies packed and not fetched yet. */
  pending(): number;
  close(): Promise<void>;
}

export async function startPartServer(crossing: Crossing): Promise<PartServer> {
  const bodies = new Map<string, Buffer>();
  let next = 0;
  const server = createServer((request, response) => {
    const key = (request.url ?? '').slice(1);
    const body = bodies.get(key);
    // Cross-origin (the page is served by another port): a plain GET, no preflight; the page's CSP is bypassed (bench-page.ts).
    const headers = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' };
    if (!body) {
      response.writeHead(404, headers).end();
      return;
    }
    bodies.delete(key);
    response.writeHead(200, { ...headers, 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    pack(channel, result) {
      if (channel !== 'invoices.listColumns') return JSON.stringify(result);
      if (crossing === 'json') return JSON.stringify(columnsAsText(result));
      const parts: Uint8Array[] = [];
      const kinds: [PartKind, number][] = [];
      const text = JSON.stringify(result, (_key, value: unknown) => {
        const part = partOf(value);
        if (!part) return value;
        kinds.push([part.kind, part.bytes.byteLength]);
        return { $part: parts.push(part.bytes) - 1 };
      });
      if (parts.length === 0) return text;
      const key = String(next++);
      bodies.set(key, Buffer.concat(parts));
      return `{"$binary":${JSON.stringify({ url: `${url}/${key}`, parts: kinds })},"answer":${text}}`;
    },
    pending: () => bodies.size,
    close: () =>
      new Promise<void>((resolve) => {
        bodies.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A value that crosses as bytes: a typed array (its view's bytes only, as a clone), or a long well-formed string. */
function partOf(value: unknown): { kind: PartKind; bytes: Uint8Array } | null {
  if (typeof value === 'string') {
    // A lone surrogate would not survive UTF-8: such a string stays in the JSON (exact either way).
    if (value.length < LONG_TEXT || !(value as string & { isWellFormed(): boolean }).isWellFormed()) return null;
    return { kind: 'utf8', bytes: Buffer.from(value, 'utf8') };
  }
  if (!ArrayBuffer.isView(value) || value instanceof DataView) return null;
  const kind = value.constructor.name;
  if (kind !== 'Uint8Array' && kind !== 'Uint32Array' && kind !== 'Float64Array' && kind !== 'Int32Array') throw new Error(`the bench's crossing has no ${kind}`);
  return { kind, bytes: new Uint8Array(value.buffer, value.byteOffset, value.byteLength) };
}

/** The `json` crossing: an invoices.listColumns answer with each typed array as `{ ta: kind, b: base64 }` (page/probe-crossing.ts turns them back). */
function columnsAsText(result: unknown): unknown {
  const answer = result as { ok: boolean; value?: { columns: Record<string, unknown> } };
  if (!answer.ok || !answer.value) return result;
  const text = (group: unknown) =>
    Object.fromEntries(
      Object.entries(group as Record<string, ArrayBufferView | null>).map(([key, cells]) => [
        key,
        cells === null ? null : { ta: cells.constructor.name, b: Buffer.from(cells.buffer, cells.byteOffset, cells.byteLength).toString('base64') },
      ]),
    );
  const { columns } = answer.value;
  return { ...answer, value: { ...answer.value, columns: { ...columns, text: text(columns.text), numbers: text(columns.numbers), missing: text(columns.missing) } } };
}
