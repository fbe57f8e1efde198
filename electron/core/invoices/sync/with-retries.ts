import { cancelled, isTransient, retriesExhausted } from './sync-faults';

export interface RetryPolicy {
  /** Wait before each retry after a 5xx or a dropped connection; its length bounds the retries. */
  retryDelaysMs: readonly number[];
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(cancelled());
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

const never = new AbortController().signal;

/** Runs `attempt` again after transient failures (5xx, dropped or refused connections), with backoff; then NETWORK. */
export async function withRetries<T>(attempt: () => Promise<T>, policy: RetryPolicy, signal: AbortSignal = never): Promise<T> {
  for (let tries = 0; ; tries++) {
    if (signal.aborted) throw cancelled();
    try {
      return await attempt();
    } catch (error) {
      if (signal.aborted) throw cancelled();
      if (!isTransient(error)) throw error;
      const delay = policy.retryDelaysMs[tries];
      if (delay === undefined) throw retriesExhausted(tries + 1, error);
      await policy.sleep(delay, signal);
    }
  }
}
