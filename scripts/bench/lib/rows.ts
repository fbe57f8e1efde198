import { round, summarize, type Summary } from './stats';
import type { ResultRow, Unit } from './types';

/** Builds a table row from samples; `compare` decides pass/fail from the medians (null: no target). */
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
  const ratio = app && baseline && baseline.median > 0 ? round(app.median / baseline.median, 3) : null;
  return {
    scenario: fields.scenario,
    metric: fields.metric,
    unit: fields.unit,
    app,
    baseline,
    ratio,
    target: fields.target,
    pass: app && fields.pass ? fields.pass(app, baseline, ratio) : null,
    ...(fields.note ? { note: fields.note } : {}),
  };
}

/** A scenario that could not run still gets its row, failed, with the reason. */
export function failedRow(scenario: string, target: string, error: unknown): ResultRow {
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return { scenario, metric: 'error', unit: 'count', app: null, baseline: null, ratio: null, target, pass: false, note: message };
}
