import * as http from 'node:http';
import * as https from 'node:https';
import type { Duplex } from 'node:stream';

/**
 * The agents a Bulk API 2.0 results part is read through (http-exchange.ts): Node's own, as its global ones are set in
 * Node 24 (connections kept alive, 5 s idle, the last used first), except that **each connection reads its socket into one
 * buffer of its own, reused for every read**, where Node's HTTP client made a new 64 KiB ArrayBuffer per read (a TLS
 * record's worth per read over https) and dropped it once parsed.
 *
 * Why: those buffers are off-heap memory only a GC frees, ~52 MB of them for the ~52 MB of parts of a sync with payments, and
 * V8 (Node 24.22) counts the external bytes allocated since its last full collection towards the old generation's limit:
 * they start full collections (BENCHMARKS.md, session 23, parts13; session 24, churn13, for what this saves).
 *
 * How: `onread` (net.Socket; tls.connect passes it on to its TLSSocket since nodejs/node PR #35753, 2020 — checked on Node
 * 24.22: a 2 MiB answer over TLS came in 129 reads, all into the one buffer), by which a socket reads into the caller's
 * buffer and calls back instead of emitting `data`. The callback emits `data` itself with a view of the
 * buffer: the HTTP client's own listener parses it there and then, and what it keeps it copies first — the headers as text,
 * each piece of body into a buffer of its own (node_http_parser.cc `on_body`: Buffer::Copy; checked on Node 24.22: every
 * body chunk had its own ArrayBuffer, none a view of a read) — so the buffer is free for the next read once `emit` returns.
 * Framing (lengths, chunked), keep-alive, TLS with Node's CA store and every error stay the HTTP client's.
 */

const READ_BYTES = 64 * 1024;

/** The memory of every connection's read buffer: a view of it is never a piece of body the caller may let go of (http-exchange.ts). */
const readMemory = new WeakSet<ArrayBufferLike>();

/** Whether `memory` is one of the part agents' read buffers (reused for every read of its connection). */
export function isPartReadMemory(memory: ArrayBufferLike): boolean {
  return readMemory.has(memory);
}

/** `agent`'s new connections read into one buffer each (their whole life), handed to the HTTP client as it parses. */
function readingIntoOneBuffer<A extends http.Agent>(agent: A): A {
  const create = agent.createConnection.bind(agent);
  agent.createConnection = (options, callback) => {
    let socket: Duplex | null | undefined = null;
    const buffer = Buffer.allocUnsafeSlow(READ_BYTES);
    readMemory.add(buffer.buffer);
    const onread = {
      buffer,
      // Called only once the socket is connected: `socket` is set by then (Node's agents make it synchronously). The HTTP
      // client pauses the socket itself when it must (`socket.pause()` stops an `onread` socket's reads too).
      callback: (length: number): boolean => {
        socket?.emit('data', buffer.subarray(0, length));
        return true;
      },
    };
    socket = create(Object.assign({}, options, { onread }), callback);
    return socket;
  };
  return agent;
}

/**
 * Node's proxy from the environment, on when Node turned it on for its own global agents and fetch (`NODE_USE_ENV_PROXY=1`,
 * or `--use-env-proxy` on the command line or in NODE_OPTIONS; Node ≥ 24.5), read as fetch (undici's EnvHttpProxyAgent)
 * reads it: an https request falls back on HTTP_PROXY, and `*.example.com` in NO_PROXY means that domain's hosts. So the
 * sync's requests go the way the sign-in's go — a user whose network only lets a proxy out signs in *and* syncs (review33,
 * review33b, session 33). Through a proxy Node makes the connection itself (a CONNECT tunnel for https) and reads it as its
 * own, without `onread`: the same answers, without the one-buffer reads.
 */
function envProxy(env: NodeJS.ProcessEnv): http.AgentOptions {
  if ((https.globalAgent.options as { proxyEnv?: unknown }).proxyEnv === undefined) return {};
  // undici's order: the lower-case name first, a name set to "" counts as set (review33c).
  const httpsProxy = env.https_proxy ?? env.HTTPS_PROXY ?? env.http_proxy ?? env.HTTP_PROXY;
  const noProxy = (env.no_proxy ?? env.NO_PROXY ?? '').replace(/(^|[\s,])\*\./g, '$1.');
  return { proxyEnv: { ...env, HTTPS_PROXY: httpsProxy, https_proxy: httpsProxy, NO_PROXY: noProxy, no_proxy: noProxy } };
}

/** Node 24's global agents' settings (lib/_http_agent.js, lib/https.js). */
const KEPT_ALIVE = { keepAlive: true, timeout: 5_000, scheduling: 'lifo', ...envProxy(process.env) } as const;

export const partAgents = {
  http: readingIntoOneBuffer(new http.Agent(KEPT_ALIVE)),
  https: readingIntoOneBuffer(new https.Agent(KEPT_ALIVE)),
};
