import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Keeps `npm run bench` from rotting: runs it with --quick and checks that it produced every
 * scenario of issue #7 with numbers. Whether targets pass is the benchmark's business, not the
 * test suite's (no timed assertions here).
 */
const run = promisify(execFile);
const temp = mkdtempSync(join(tmpdir(), 'budgetly-bench-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface Row {
  scenario: string;
  metric: string;
  app: { median: number; min: number; max: number; runs: number } | null;
  pass: boolean | null;
}

describe('npm run bench -- --quick', () => {
  // No time limit of its own beyond a generous guard: on a machine whose cores are saturated the quick run took
  // longer than the former 170 s and the test failed for that alone (the figures are the benchmark's business).
  it('runs every scenario and reports a figure for each', { timeout: 900_000 }, async () => {
    const json = join(temp, 'bench.json');
    const { stdout } = await run('npx', ['tsx', 'scripts/bench/run.ts', '--quick', '--json', json], { maxBuffer: 16 * 2 ** 20, timeout: 880_000 });
    const report = JSON.parse(readFileSync(json, 'utf8')) as { rows: Row[]; machine: { cpus: number; node: string }; markdown: string };
    expect(report.rows.filter((row) => row.metric === 'error')).toEqual([]);
    const scenarios = [
      /^full sync 3,000 .*wall time/,
      /^full sync 3,000 .*peak RSS/,
      /^incremental sync/,
      /^cold start .*rows painted/,
      /^search keystroke/,
      /^sort by a column/,
      /^scroll through .*long tasks/,
      /^scroll through .*frame time/,
      /^export .* CSV: time/,
      /^export .* XLSX: peak memory/,
      /^50 concurrent calls .*refresh/,
      /^receivables .*: fetch floor/,
      /^full sync 10,000: peak RSS/,
      /^10,000 in the grid: navigation → first rows painted/,
      /^10,000 in the grid: renderer JS heap/,
      /^10,000 in the grid: search keystroke/,
      /^10,000 in the grid: sort by a column/,
    ];
    const names = report.rows.map((row) => `${row.scenario}: ${row.metric}`);
    for (const pattern of scenarios) expect(names.some((name) => pattern.test(name)), `${pattern} in ${names.join(' / ')}`).toBe(true);
    for (const row of report.rows) {
      expect(Number.isFinite(row.app?.median), `${row.scenario}: ${row.metric}`).toBe(true);
      expect(row.app!.min).toBeLessThanOrEqual(row.app!.max);
    }
    // The single-flight refresh is a count, not a timing: it is exact on any machine.
    expect(report.rows.find((row) => row.scenario.startsWith('50 concurrent'))?.app?.median).toBe(1);
    expect(report.machine.cpus).toBeGreaterThan(0);
    expect(report.markdown).toContain('| scenario |');
    expect(stdout).toContain('result');
  });
});
