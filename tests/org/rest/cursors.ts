import { makeId } from '../data/ids.ts';
import type { QueryResult } from '../soql/query.ts';

export interface Cursor { id: string; result: QueryResult; version: string; batch: number; lastUsed: number }

const IDLE_MS = 15 * 60_000;
const MAX_OPEN = 50;

/** Open query cursors: the matched row ids of each query, so every page costs O(page). */
export class Cursors {
  private open = new Map<string, Cursor>();
  private seq = 0;

  create(result: QueryResult, version: string, batch: number): Cursor {
    this.sweep();
    const c: Cursor = { id: makeId('01g', this.seq++), result, version, batch, lastUsed: Date.now() };
    this.open.set(c.id, c);
    while (this.open.size > MAX_OPEN) this.open.delete(this.open.keys().next().value!);
    return c;
  }

  /** Parses `<cursorId>-<offset>`; undefined when unknown, expired or malformed. */
  find(locator: string): { cursor: Cursor; offset: number } | undefined {
    this.sweep();
    const dash = locator.lastIndexOf('-');
    if (dash <= 0) return undefined;
    const cursor = this.open.get(locator.slice(0, dash));
    const offset = Number(locator.slice(dash + 1));
    if (!cursor || !Number.isInteger(offset) || offset < 0 || offset > cursor.result.rows.length) return undefined;
    cursor.lastUsed = Date.now();
    return { cursor, offset };
  }

  clear(): void {
    this.open.clear();
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, c] of this.open) if (now - c.lastUsed > IDLE_MS) this.open.delete(id);
  }
}
