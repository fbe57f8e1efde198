import type { OrgCounters } from '../types.ts';

export class Counters implements Omit<OrgCounters, 'documentsRendered' | 'documentBytesSent'> {
  tokenGrants = 0;
  refreshes = 0;
  revokes = 0;
  requests: Record<string, number> = {};
  /** API calls today (drives Sforce-Limit-Info and REQUEST_LIMIT_EXCEEDED); not reset by resetCounters. */
  apiCalls = 0;

  hit(template: string): void {
    this.requests[template] = (this.requests[template] ?? 0) + 1;
  }

  snapshot(): Omit<OrgCounters, 'documentsRendered' | 'documentBytesSent'> {
    return {
      tokenGrants: this.tokenGrants,
      refreshes: this.refreshes,
      revokes: this.revokes,
      requests: { ...this.requests },
      apiCalls: this.apiCalls,
    };
  }

  reset(): void {
    this.tokenGrants = 0;
    this.refreshes = 0;
    this.revokes = 0;
    this.requests = {};
  }
}
