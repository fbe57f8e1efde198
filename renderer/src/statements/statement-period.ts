import { addDays } from '../lib/date-pattern';

/** The payments period a statement offers first: the 90 days up to the as-of day (the window DSO is measured over). */
export function defaultPeriod(asOf: string): { from: string; to: string } {
  return { from: addDays(asOf, -89), to: asOf };
}
