import type { EventName, EventPayload } from '../../contract';
import type { EventSink, Logger } from '../ports';

type Listener = (payload: never) => void;

/**
 * The core's event sink with ears: every event still goes to the window unchanged, and core
 * modules can listen to the same events (the freshness scheduler reacts to `connections.changed`
 * and `invoices.changed` instead of reaching into the modules that emit them).
 */
export class EventTap implements EventSink {
  private readonly listeners = new Map<EventName, Set<Listener>>();

  constructor(
    private readonly sink: EventSink,
    private readonly logger: Logger,
  ) {}

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    this.sink.emit(event, payload);
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        (listener as (payload: EventPayload<E>) => void)(payload);
      } catch (error) {
        this.logger.error('An event listener in the core failed', { event, error: error instanceof Error ? error.name : 'unknown' });
      }
    }
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    const set = this.listeners.get(event) ?? new Set<Listener>();
    this.listeners.set(event, set);
    set.add(listener as Listener);
    return () => set.delete(listener as Listener);
  }
}
