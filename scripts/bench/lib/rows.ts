import { median, summarize, type Summary } from './stats';
import type { ResultRow, Unit } from './types';

/** Decimals the table prints a ratio with (report.ts), unless the verdict needs more. */
export const ratioDigits = (ratio: number): number => (ratio < 0.1 ? 3 : 2);

/**
 * Builds a table row from samples; `pass` decides from the medians and their ratio. The ratio it judges is exact (the
 * unrounded medians' quotient): 193 ms against 3,823 ms is 0.0505, above ≤ 0.05, though it prints as 0.050 with three
 * decimals (session 18 printed that a PASS). The row keeps the exact ratio, and `ratioDigits` when the printed one needs
 * more decimals than usual to show the side of the line it is on.
 */
export function resultRow(fields: {
  scenario: string;
  metric: string;
  unit: Unit;
  app: number[] | null;
  baseline?: number[] | null;
  target: string;
  pass: ((app: Summary, baseline: Summary | null, ratio: number | null) => boolean) | null;
  note?: string;
}): ResultRow {
  const app = fields.app && fields.app.length ? summarize(fields.app) : null;
  const baseline = fields.baseline && fields.baseline.length ? summarize(fields.baseline) : null;
  const base = baseline ? median(fields.baseline!) : 0;
  const ratio = app && baseline && base > 0 ? median(fields.app!) / base : null;
  const pass = app && fields.pass ? fields.pass(app, baseline, ratio) : null;
  let digits: number | undefined;
  if (ratio !== null && pass !== null) {
    // The fewest decimals whose printed ratio the same rule judges the same way.
    let d = ratioDigits(ratio);
    while (d < 15 && fields.pass!(app!, baseline, Number(ratio.toFixed(d))) !== pass) d++;
    if (d > ratioDigits(ratio)) digits = d;
  }
  return {
    scenario: fields.scenario,
    metric: fields.metric,
    unit: fields.unit,
    app,
    baseline,
    ratio,
    ...(digits === undefined ? {} : { ratioDigits: digits }),
    target: fields.target,
    pass,
    ...(fields.note ? { note: fields.note } : {}),
  };
}

/** The ratio as the table prints it: enough decimals to show which side of its target's line it is on. */
export function printedRatio(row: Pick<ResultRow, 'ratio' | 'ratioDigits'>): string {
  return row.ratio === null ? '—' : `${row.ratio.toFixed(row.ratioDigits ?? ratioDigits(row.ratio))}×`;
}

/** A scenario that could not run still gets its row, failed, with the reason. */
export function failedRow(scenario: string, target: string, error: unknown): ResultRow {
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return { scenario, metric: 'error', unit: 'count', app: null, baseline: null, ratio: null, target, pass: false, note: message };
}
