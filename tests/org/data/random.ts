/** Small fast seeded PRNG (mulberry32) for bulk columns; faker seeds it. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hash2(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

export const DAY_MS = 86_400_000;

/**
 * 'YYYY-MM-DD' of each day number, formatted once: every page of every object prints dates and instants
 * (at 420k records ~1 µs a `toISOString` each, a fifth of what the org spent serving a page). Same strings.
 */
const isoDays = new Map<number, string>();

export function dayToIso(day: number): string {
  let iso = isoDays.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isoDays.size < 200_000) isoDays.set(day, iso);
  }
  return iso;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

export function isoToDay(iso: string): number {
  return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

/** Salesforce datetime format: 2026-01-01T00:00:00.000+0000 (Bulk API 2.0 CSV: zone `Z`). */
export function sfDateTime(ms: number, zone: '+0000' | 'Z' = '+0000'): string {
  const day = Math.floor(ms / DAY_MS);
  // Instants of the years toISOString prints as YYYY; others (never generated) the slow way.
  if (!Number.isInteger(ms) || day < -719_162 || day > 2_932_896) return new Date(ms).toISOString().replace('Z', zone);
  let rest = ms - day * DAY_MS;
  const milli = rest % 1000;
  rest = (rest - milli) / 1000;
  const second = rest % 60;
  rest = (rest - second) / 60;
  const minute = rest % 60;
  const hour = (rest - minute) / 60;
  return `${dayToIso(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}${zone}`;
}

export function todayDay(now = Date.now()): number {
  return Math.floor(now / DAY_MS);
}

/**
 * A seeded instant (CreatedDate, SystemModstamp) no later than `limit` (the org's clock when it seeded, less a margin):
 * one after it goes back whole days, to the same time of day on the latest day that is not after the limit. Salesforce
 * never stamps a record in the future (a future SystemModstamp would become the app's watermark and hide the changes
 * made before it), and going back whole days rather than stopping at the limit keeps the stamps just before "now" as
 * thin at 00:30 as at 23:50: clamped to the limit, every stamp of the rest of the day piled up there, inside the next
 * incremental sync's 5-minute overlap (~930 of 100k invoices fetched again after midnight UTC, BENCHMARKS session 19).
 */
export function notAfter(at: number, limit: number): number {
  return at <= limit ? at : at - Math.ceil((at - limit) / DAY_MS) * DAY_MS;
}
