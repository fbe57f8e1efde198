/**
 * How far back an incremental sync asks for changes: `SystemModstamp > watermark − (OVERLAP_MS + span)`, where the
 * watermark is the largest stamp the previous sync saw and the span is how long that sync's query was being read.
 *
 * Why the span: Salesforce reads a query's records page by page (a cursor), so a record on a page already read can
 * change while later pages are read, and those later pages can carry stamps minutes after that change. The largest stamp
 * seen is then later than the change: `watermark − 5 min` alone misses it whenever the query took longer than the
 * overlap (review19: a 1M-invoice sync over a slow link). Every change the copy lacks was made after the query started;
 * the watermark is at most the org's time at its last page, so the query started at or after `watermark − span` on the
 * org's clock — and `span` is measured on the app's own clocks, which run at the org's rate: no clock is compared with
 * the org's, so skew does not matter.
 */

/** Records changed within this window before the window's start are fetched again (clock skew, in-flight commits). */
export const OVERLAP_MS = 5 * 60_000;

/** A stored span back from a file: a finite length of time, or nothing (a copy written before spans were kept). */
export function spanOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** The most records Salesforce answers in one page (a query of more came in several, whatever the batch size asked). */
export const MAX_PAGE_RECORDS = 2000;

/**
 * Whether a copy's watermark may have been set by a query read in several pages at a length the copy does not know: no
 * span kept with it (a copy written before 84f714d) and more records than one page (`pageSize`, the size the app asks)
 * holds. Its plain overlap could miss a change made while that query read later pages (reviewJ): the next sync of it is
 * a full one, which keeps a span from then on. A copy of one page's records kept nothing it could have missed that way.
 */
export function spanUnknown(spanMs: unknown, records: number, pageSize: number = MAX_PAGE_RECORDS): boolean {
  return spanOf(spanMs) === undefined && records > Math.min(pageSize, MAX_PAGE_RECORDS);
}

/**
 * Where the next incremental query starts: the watermark less the overlap and the span of the sync that set it (a copy
 * written before spans were kept has none: the plain overlap, as before).
 */
export function changesSince(watermark: number, spanMs: unknown): number {
  return watermark - OVERLAP_MS - (spanOf(spanMs) ?? 0);
}

/**
 * How long one query's answer was being read, for the next sync's overlap. Zero when the answer came as one page (the
 * org read every record at once: none can change between two pages), else from before the first request to the last
 * page, the longer of the monotonic clock (not set back or forward) and the app's clock (which also counts a laptop
 * asleep mid-sync: the org's clock ran on meanwhile). A query started over keeps its first start (a wider span only
 * fetches more).
 */
export class ReadSpan {
  private readonly mono = performance.now();
  private readonly wallStart: number;
  private pages = 0;

  /** `wall`: the app's clock; `paged`: false when even one part spans time (a Bulk API job reads while it runs). */
  constructor(
    private readonly wall: () => number,
    private readonly paged = true,
  ) {
    this.wallStart = wall();
  }

  page(): void {
    this.pages++;
  }

  restart(): void {
    this.pages = 0;
  }

  ms(): number {
    if (this.paged && this.pages <= 1) return 0;
    return Math.ceil(Math.max(performance.now() - this.mono, this.wall() - this.wallStart, 0));
  }
}
