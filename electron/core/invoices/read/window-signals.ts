import type { Clock } from '../../ports';

/**
 * What the window has had of each connection's list, for the start-up warm-up to wait on: a signal per connection
 * that fires once (and stays fired); `wait` resolves when it has fired, after `graceMs` on the core's clock, or at
 * `release` (the core is closing), whichever comes first. Never rejects.
 */
export class WindowSignals {
  private readonly fired = new Set<string>();
  private readonly waiting = new Map<string, (() => void)[]>();

  fire(connectionId: string): void {
    this.fired.add(connectionId);
    const waiters = this.waiting.get(connectionId);
    this.waiting.delete(connectionId);
    for (const done of waiters ?? []) done();
  }

  wait(connectionId: string, clock: Clock, graceMs: number): Promise<void> {
    if (this.fired.has(connectionId)) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const cancel = clock.setTimeout(done, graceMs);
      this.waiting.set(connectionId, [...(this.waiting.get(connectionId) ?? []), done]);
      function done() {
        cancel();
        resolve();
      }
    });
  }

  /** Every wait ends now. */
  release(): void {
    for (const id of [...this.waiting.keys()]) this.fire(id);
  }
}
