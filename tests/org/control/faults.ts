import type { Fault, FaultKind } from '../types.ts';

interface Armed { kind: FaultKind; left: number; pathPrefix?: string; soqlContains?: string; ms: number }

/** Faults armed for the next N matching requests. */
export class Faults {
  private armed: Armed[] = [];
  private release: () => void = () => undefined;
  private released = this.nextRelease();

  add(f: Fault): void {
    const count = f.count ?? 1;
    if (count <= 0) return;
    this.armed.push({ kind: f.kind, left: count, pathPrefix: f.pathPrefix, soqlContains: f.soqlContains?.toLowerCase(), ms: f.ms ?? 1000 });
  }

  clear(): void {
    this.armed = [];
    this.release();
    this.released = this.nextRelease();
  }

  /** Resolves at the next `clear()`: what an answer held by a fault ('bulkCreateHeld') waits for. */
  cleared(): Promise<void> {
    return this.released;
  }

  private nextRelease(): Promise<void> {
    return new Promise<void>((resolve) => (this.release = resolve));
  }

  /** Takes (consumes one hit of) the first armed fault of one of `kinds` matching the path. */
  take(path: string, kinds: FaultKind[], soql: string | null = null): Armed | undefined {
    const i = this.armed.findIndex((a) => kinds.includes(a.kind) && (!a.pathPrefix || path.startsWith(a.pathPrefix))
      && (!a.soqlContains || (soql ?? '').toLowerCase().includes(a.soqlContains)));
    if (i < 0) return undefined;
    const a = this.armed[i]!;
    a.left--;
    if (a.left <= 0) this.armed.splice(i, 1);
    return a;
  }
}
