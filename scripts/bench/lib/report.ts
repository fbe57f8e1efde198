import { printedRatio } from './rows';
import { usualDigits, type Summary } from './stats';
import type { ResultRow } from './types';

/** A figure with its usual decimals, or `digits` (a summary's, when the usual would hide the side of its line). */
const fmt = (value: number, unit: string, digits = usualDigits(value)) =>
  `${value.toLocaleString('en-US', { maximumFractionDigits: digits, ...(digits > 1 ? { minimumFractionDigits: digits } : {}) })}${unit === 'count' ? '' : ` ${unit}`}`;

function figure(summary: Summary | null, unit: string): string {
  if (!summary) return '—';
  const d = summary.digits;
  if (summary.runs === 1) return fmt(summary.median, unit, d);
  return `${fmt(summary.median, unit, d)} (${fmt(summary.min, '', d).trim()}–${fmt(summary.max, '', d).trim()})`;
}

function cells(row: ResultRow): string[] {
  const verdict = row.pass === null ? 'info' : row.pass ? 'PASS' : 'FAIL';
  return [
    `${row.scenario}: ${row.metric}`,
    figure(row.app, row.unit),
    figure(row.baseline, row.unit),
    printedRatio(row),
    row.target,
    verdict,
  ];
}

const HEAD = ['scenario', 'app median (min–max)', 'baseline median (min–max)', 'ratio', 'target', 'result'];

/** The results as an aligned text table, with notes underneath. */
export function textTable(rows: ResultRow[]): string {
  const body = rows.map(cells);
  const widths = HEAD.map((head, i) => Math.max(head.length, ...body.map((line) => line[i]!.length)));
  const line = (values: string[]) => values.map((value, i) => value.padEnd(widths[i]!)).join(' | ');
  const notes = rows.filter((row) => row.note).map((row) => `- ${row.scenario} (${row.metric}): ${row.note}`);
  return [line(HEAD), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line), '', ...notes].join('\n');
}

/** The same table in Markdown (for BENCHMARKS.md). */
export function markdownTable(rows: ResultRow[]): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  return [`| ${HEAD.join(' | ')} |`, `|${HEAD.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${cells(row).map(escape).join(' | ')} |`)].join('\n');
}
