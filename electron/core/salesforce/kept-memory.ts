/**
 * Memory for bytes a sync keeps as long as the copy lives (a Bulk API 2.0 part, http-exchange.ts; its cell table,
 * related-csv-table.ts), which V8 does not count as its own: a SharedArrayBuffer's bytes are not added to the external
 * memory V8 weighs against the old generation's limit (Node 24.22 runs V8 without `--external-memory-accounted-in-global-limit`,
 * where the bytes allocated since the last full collection count towards it). Counted, the ~74 MB of parts and cells a sync
 * with payments keeps started full collections that could free none of them (BENCHMARKS.md, session 23: parts13). Freed like
 * any buffer once unreachable. A runtime without SharedArrayBuffer (an embedder may take it away) gets a plain one: the same
 * bytes, counted.
 */
export function keptMemory(bytes: number): ArrayBufferLike {
  return typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}
