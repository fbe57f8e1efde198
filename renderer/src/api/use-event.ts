import { useEffect, useRef } from 'react';
import type { EventName, EventPayload } from '../../../electron/contract';
import { budgetly } from '../bridge';

/** Subscribes to a pushed event for the component's lifetime; the latest listener is always called. */
export function useBridgeEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => {
    if (!window.budgetly) return undefined;
    return budgetly().on(event, (payload) => latest.current(payload));
  }, [event]);
}
