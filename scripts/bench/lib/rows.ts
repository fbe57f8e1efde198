import { exactSummary, round, summarize, usualDigits, type Summary } from './stats';
import type { ResultRow, Unit } from './types';

/** Decimals the table prints a ratio with (report.ts), unless the verdict needs more. */
export const ratioDigits = (ratio: number): number => (ratio < 0.1 ? 3 : 2);

/** A summary's median, min and max as the table prints them: their usual decimals, or `digits`. */
function shown(summary: Summary | null, digits?: number): Summary | null {
  if (!summary) return null;
  const at = (value: number) => round(value, digits ?? usualDigits(value));
  return { ...summary, median: at(summary.median), min: at(summary.min), max: at(summary.max) };
}

/**
 * Builds a table row from samples; `pass` decides from the medians and their ratio. The ratio it judges is exact (the
 * unrounded medians' quotient): 193 ms against 3,823 ms is 0.0505, above ≤ 0.05, though it prints as 0.050 with three
 * decimals (session 18 printed that a PASS). The row keeps the exact ratio, and `ratioDigits` when the printed one needs
 * more decimals than usual to show the side of the line it is on. The figures `pass` judges are exact too (review19: a
 * search p95 median of 16.04 ms, rounded to 16.0 first, passed "≤ 16 ms"); the row keeps them rounded as before, with
 * `digits` when the printed ones need more decimals to show their side of the line (16.04, not 16).
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
  /**
   * How many runs gave the row's samples: a run with no figure (e.g. an Electron estimate whose calls did not pair up)
   * must not leave the row judged on the runs that had one — its median or worst run would be of fewer runs than ran
   * (review29). With fewer app samples than `runs`, the row fails and its note says how many gave none.
   */
  runs?: number;
}): ResultRow {
  const missing = fields.runs === undefined ? 0 : Math.max(0, fields.runs - (fields.app?.length ?? 0));
  const exactApp = fields.app && fields.app.length ? exactSummary(fields.app) : null;
  const exactBaseline = fields.baseline && fields.baseline.length ? exactSummary(fields.baseline) : null;
  let app = exactApp ? summarize(fields.app!) : null;
  let baseline = exactBaseline ? summarize(fields.baseline!) : null;
  const base = exactBaseline?.median ?? 0;
  const ratio = exactApp && exactBaseline && base > 0 ? exactApp.median / base : null;
  const judged = exactApp && fields.pass ? fields.pass(exactApp, exactBaseline, ratio) : null;
  const pass = missing > 0 && fields.pass ? false : judged;
  const note = missing > 0 ? `${missing} of ${fields.runs} runs gave no figure: the row fails (not judged on the rest)${fields.note ? `. ${fields.note}` : ''}` : fields.note;
  let digits: number | undefined;
  if (ratio !== null && pass !== null && missing === 0) {
    // The fewest decimals whose printed ratio the same rule judges the same way.
    let d = ratioDigits(ratio);
    while (d < 15 && fields.pass!(exactApp!, exactBaseline, Number(ratio.toFixed(d))) !== pass) d++;
    if (d > ratioDigits(ratio)) digits = d;
  }
  if (pass !== null && missing === 0 && fields.pass!(shown(exactApp)!, shown(exactBaseline), ratio) !== pass) {
    // The printed figures would be judged the other way: the fewest decimals that show their side of the line.
    let d = 1;
    while (d < 15 && fields.pass!(shown(exactApp, d)!, shown(exactBaseline, d), ratio) !== pass) d++;
    app = { ...shown(exactApp, d)!, samples: app!.samples, digits: d };
    if (baseline) baseline = { ...shown(exactBaseline, d)!, samples: baseline.samples, digits: d };
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
    ...(note ? { note } : {}),
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
