/**
 * Buffers an answer's body is read into when it is decoded at once and dropped (a query page, a describe, a sign-in answer):
 * lent for one answer, wiped and kept for the next — no new memory per answer. New memory costs more than its copy here:
 * each fresh page of it is faulted in and zeroed by the kernel on first write (~3 ms per MB on these machines, BENCHMARKS.md
 * "Lead's runs, session 33"), and off-heap bytes count towards V8's full collections (BENCHMARKS.md, "Node 24: full sync 100k").
 * A body kept after its answer (a Bulk API 2.0 part) gets memory of its own instead (http-exchange.ts, kept-memory.ts).
 */

/** A buffer larger than this is not kept for the next answer (a 2,000-record page is ~1 MB). */
const KEPT_BODY_BYTES = 8 * 1024 * 1024;
/** As many as an incremental sync reads at once (the invoices' query and seven related ones). */
const MAX_SPARE_BODIES = 8;
const FIRST_BODY_BYTES = 64 * 1024;

/** Body buffers not in use (answers may be read at the same time: each takes its own). */
const spareBodies: Buffer[] = [];

/** A buffer to read one answer's body into, at least `bytes` long; give it back with `giveBodyBuffer` once decoded. */
export function takeBodyBuffer(bytes = 0): Buffer {
  const spare = spareBodies.pop() ?? Buffer.allocUnsafeSlow(FIRST_BODY_BYTES);
  return spare.length >= bytes ? spare : grownBuffer(spare, 0, bytes);
}

/**
 * Back for the next answer, wiped (an answer may hold tokens: sign-in's go through here too) — wiped also when it is not
 * kept (too large, or the pool full) and left to the GC: its bytes held invoice data or tokens.
 */
export function giveBodyBuffer(body: Buffer, used: number): void {
  wipe(body, used);
  if (body.length > KEPT_BODY_BYTES || spareBodies.length >= MAX_SPARE_BODIES || spareBodies.includes(body)) return;
  spareBodies.push(body);
}

/**
 * Lets go of the buffers kept for the next answers (up to 8 of up to 8 MB each, already wiped) — when no session is left
 * (session-manager.ts `forget`: sign-out, removal): no answer is coming. Buffers lent out now are not touched (they go
 * back to the pool when their answers are read); the next answer takes new memory.
 */
export function releaseSpareBodies(): void {
  spareBodies.length = 0;
}

/**
 * How many buffers are kept for the next answers (tests: tests/unit/receivables/lent-body-lifecycle.test.ts).
 * @internal
 */
export function spareBodyCount(): number {
  return spareBodies.length;
}

/** Zeroes the first `used` bytes of `body`. */
function wipe(body: Buffer, used: number): void {
  body.fill(0, 0, Math.min(used, body.length));
}

/**
 * A larger buffer holding the first `used` bytes of `body` (at least doubled: few copies for a body of unknown size);
 * `body` is wiped, then left to the GC (it held the answer's first bytes).
 */
function grownBuffer(body: Buffer, used: number, needed: number): Buffer {
  const next = Buffer.allocUnsafeSlow(Math.max(needed, body.length * 2));
  body.copy(next, 0, 0, used);
  wipe(body, used);
  return next;
}

/** Whether bytes [start, end) of `buffer` begin with UTF-8's byte-order mark (left out of a body, as TextDecoder does). */
export function hasByteOrderMark(buffer: Buffer, start: number, end: number): boolean {
  return end - start >= 3 && buffer[start] === 0xef && buffer[start + 1] === 0xbb && buffer[start + 2] === 0xbf;
}

/** One answer's body, its chunks copied into a buffer lent for it and grown as they come; `giveBack` once decoded. */
export class LentBody {
  length = 0;
  /** Null once given back or dropped: a chunk that comes later is not taken, and the buffer is not given back twice. */
  private buffer: Buffer | null;

  /** `declared`: the body's length when known (the buffer lent is at least that large), else 0. */
  constructor(declared = 0) {
    this.buffer = takeBodyBuffer(Number.isSafeInteger(declared) && declared > 0 ? declared : 0);
  }

  /** Takes `chunk`'s bytes (copied: the caller may let the chunk go); false, and nothing taken, once given back or dropped. */
  add(chunk: Uint8Array): boolean {
    if (this.buffer === null) return false;
    if (this.length + chunk.byteLength > this.buffer.length) this.buffer = grownBuffer(this.buffer, this.length, this.length + chunk.byteLength);
    this.buffer.set(chunk, this.length);
    this.length += chunk.byteLength;
    return true;
  }

  /** The bytes read (`whole`) and the body without a byte-order mark in front (`body`), views of the lent buffer. */
  finish(): { whole: Buffer; body: Buffer } {
    if (this.buffer === null) throw new Error('This answer\'s buffer was already given back.');
    const whole = this.buffer.subarray(0, this.length);
    return { whole, body: whole.subarray(hasByteOrderMark(whole, 0, this.length) ? 3 : 0) };
  }

  /** The body as UTF-8 text, as TextDecoder and `response.text()` decode it (a byte-order mark in front left out). */
  text(): string {
    return this.finish().body.toString('utf8');
  }

  /** Back to the pool, wiped; the body's views must not be read after. A second call does nothing. */
  giveBack(): void {
    if (this.buffer !== null) giveBodyBuffer(this.buffer, this.length);
    this.buffer = null;
  }

  /**
   * Wiped and left to the GC, never lent again — a failed answer's (its request may still be winding down); a chunk that
   * comes after is not taken. A second call, or one after `giveBack`, does nothing.
   */
  discard(): void {
    if (this.buffer !== null) wipe(this.buffer, this.length);
    this.buffer = null;
  }
}
