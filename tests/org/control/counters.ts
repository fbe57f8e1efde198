import type { OrgCounters } from '../types.ts';

export class Counters implements Omit<OrgCounters, 'documentsRendered' | 'documentBytesSent'> {
  tokenGrants = 0;
  refreshes = 0;
  revokes = 0;
  requests: Record<string, number> = {};
  /** API calls today (drives Sforce-Limit-Info and REQUEST_LIMIT_EXCEEDED); not reset by resetCounters. */
  apiCalls = 0;
  /** Query cursors handed out (a first page with a nextRecordsUrl) whose last page has not been asked for yet. */
  private readonly openCursors = new Set<string>();
  peakOpenCursors = 0;

  hit(template: string): void {
    this.requests[template] = (this.requests[template] ?? 0) + 1;
  }

  /** A page was served of query cursor `id`: the cursor stays open until its last page (`done`) is asked for. */
  cursorPage(id: string, done: boolean): void {
    if (done) {
      this.openCursors.delete(id);
      return;
    }
    this.openCursors.add(id);
    this.peakOpenCursors = Math.max(this.peakOpenCursors, this.openCursors.size);
  }

  snapshot(): Omit<OrgCounters, 'documentsRendered' | 'documentBytesSent'> {
    return {
      tokenGrants: this.tokenGrants,
      refreshes: this.refreshes,
      revokes: this.revokes,
      requests: { ...this.requests },
      apiCalls: this.apiCalls,
      peakOpenCursors: this.peakOpenCursors,
    };
  }

  reset(): void {
    this.tokenGrants = 0;
    this.refreshes = 0;
    this.revokes = 0;
    this.requests = {};
    // Cursors abandoned before (a failed sync) are forgotten: the peak counts what is opened from here on.
    this.openCursors.clear();
    this.peakOpenCursors = 0;
  }
}
