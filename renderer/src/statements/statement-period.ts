/** The payments period a statement offers first: the 90 days up to the as-of day (the window DSO is measured over). */
export function defaultPeriod(asOf: string): { from: string; to: string } {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const from = new Date(Date.UTC(y, m - 1, d - 89)).toISOString().slice(0, 10);
  return { from, to: asOf };
}
