import type { ApiUsage } from '../../contract';
import type { Transport } from './jsforce-adapter';

/** Below this share of the day's API requests left, background syncs slow down (Salesforce shares one allowance among every integration). */
export const LOW_API_SHARE = 0.1;

/** `Sforce-Limit-Info: api-usage=18/15000` → used and allowed; null when absent or not in that form. */
export function parseLimitInfo(header: string | undefined): { used: number; max: number } | null {
  const match = /api-usage=(\d+)\/(\d+)/.exec(header ?? '');
  if (!match) return null;
  const used = Number(match[1]);
  const max = Number(match[2]);
  return Number.isSafeInteger(used) && Number.isSafeInteger(max) && max > 0 ? { used, max } : null;
}

/**
 * The org's API allowance as its last answer stated it, per connection (kept in memory: every REST answer
 * carries it, so the first request after a restart brings it back).
 */
export class ApiUsageBook {
  private readonly readings = new Map<string, ApiUsage>();

  constructor(private readonly now: () => number) {}

  record(connectionId: string, header: string | undefined): void {
    const reading = parseLimitInfo(header);
    if (!reading) return;
    const low = (reading.max - reading.used) / reading.max < LOW_API_SHARE;
    this.readings.set(connectionId, { ...reading, low, at: new Date(this.now()).toISOString() });
  }

  get(connectionId: string): ApiUsage | null {
    return this.readings.get(connectionId) ?? null;
  }

  isLow(connectionId: string): boolean {
    return this.readings.get(connectionId)?.low ?? false;
  }

  forget(connectionId: string): void {
    this.readings.delete(connectionId);
  }
}

/** Hands every answer's `Sforce-Limit-Info` header to `onHeader`; the request and its answer (and body stream) are untouched. */
export function observeApiUsage<T extends Transport>(transport: T, onHeader: (value: string) => void): T {
  const send = transport.httpRequest.bind(transport);
  transport.httpRequest = (request, options) => {
    const pending = send(request, options);
    pending.then(
      (response) => {
        const headers = (response.headers ?? {}) as Record<string, string | undefined>;
        const value = headers['sforce-limit-info'] ?? headers['Sforce-Limit-Info'];
        if (value) onHeader(value);
      },
      () => undefined,
    );
    return pending;
  };
  return transport;
}
