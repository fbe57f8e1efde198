import type { Clock } from '../../ports';

/** A wait on a connection's signal: it ends at `done`; `restart` sets its grace again from now. */
interface Waiter {
  done(): void;
  restart(): void;
}

/**
 * What the window has had of each connection's list, for the start-up warm-up to wait on: a signal per connection
 * that fires once (and stays fired); `wait` resolves when it has fired, after `graceMs` on the core's clock (set again
 * from now at each `stir` of the connection), or at `release` (the core is closing), whichever comes first. Never rejects.
 */
export class WindowSignals {
  private readonly fired = new Set<string>();
  private readonly waiting = new Map<string, Waiter[]>();

  fire(connectionId: string): void {
    this.fired.add(connectionId);
    const waiters = this.waiting.get(connectionId);
    this.waiting.delete(connectionId);
    for (const waiter of waiters ?? []) waiter.done();
  }

  /** Something on the way to the signal happened (the window asked the next window of its list): each wait's grace starts again. */
  stir(connectionId: string): void {
    for (const waiter of this.waiting.get(connectionId) ?? []) waiter.restart();
  }

  wait(connectionId: string, clock: Clock, graceMs: number): Promise<void> {
    if (this.fired.has(connectionId)) return Promise.resolve();
    return new Promise<void>((resolve) => {
      let ended = false;
      let cancel = clock.setTimeout(done, graceMs);
      this.waiting.set(connectionId, [
        ...(this.waiting.get(connectionId) ?? []),
        {
          done,
          restart: () => {
            if (ended) return;
            cancel();
            cancel = clock.setTimeout(done, graceMs);
          },
        },
      ]);
      function done() {
        ended = true;
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
