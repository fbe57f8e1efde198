import type { Logger } from '../ports';

export type ForgetListener = (connectionId: string) => Promise<void> | void;

/** `directory.onForget`: whoever keeps data per connection (the invoice cache) drops it here. */
export class ForgetListeners {
  private readonly listeners = new Set<ForgetListener>();

  add(listener: ForgetListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs every listener; one failing does not stop the others (it is logged). */
  async notify(connectionId: string, logger: Logger): Promise<void> {
    for (const listener of [...this.listeners]) {
      try {
        await listener(connectionId);
      } catch (error) {
        logger.error('Could not forget a connection’s offline data', { connectionId, error: error instanceof Error ? error.name : 'unknown' });
      }
    }
  }
}
