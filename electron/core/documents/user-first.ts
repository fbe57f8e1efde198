/**
 * The user's documents go first: while an `invoices.document` the user asked for is in flight, the background
 * prefetch starts no new download (`whenIdle` waits); the ones already under way finish.
 */
export class UserFirst {
  private active = 0;
  private waiters: (() => void)[] = [];

  async during<T>(work: () => Promise<T>): Promise<T> {
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
      if (this.active === 0) for (const wake of this.waiters.splice(0)) wake();
    }
  }

  whenIdle(): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
