/**
 * Aging buckets by days past due (or since the invoice date): Current, 1–30, 31–60, 61–90, 90+. Plain data and
 * one function, shared by the workspace's chart and the export's "Aging bucket" column so the two always agree.
 */
export const agingBucketKeys = ['current', '1-30', '31-60', '61-90', '90+'] as const;
export type AgingBucketKey = (typeof agingBucketKeys)[number];

/** How a bucket reads in a cell or under a bar (Current is a word, from the catalogue). */
export const agingBucketLabels: Record<Exclude<AgingBucketKey, 'current'>, string> = { '1-30': '1–30', '31-60': '31–60', '61-90': '61–90', '90+': '90+' };

export function bucketOfDays(daysPast: number): AgingBucketKey {
  if (daysPast <= 0) return 'current';
  if (daysPast <= 30) return '1-30';
  if (daysPast <= 60) return '31-60';
  if (daysPast <= 90) return '61-90';
  return '90+';
}
