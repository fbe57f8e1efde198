import { describe, expect, it } from 'vitest';
import { textTable } from '../../../scripts/bench/lib/report';
import { resultRow } from '../../../scripts/bench/lib/rows';

/** The bench's rows (scripts/bench/lib/rows.ts): a ratio is judged exact, and printed so that its side of the line shows. */
describe('a bench row judges the exact ratio of its medians', () => {
  const withinFivePercent = (app: number[], baseline: number[]) =>
    resultRow({ scenario: 'incremental', metric: 'wall time', unit: 'ms', app, baseline, target: '≤ 5% of full', pass: (_a, _b, ratio) => ratio !== null && ratio <= 0.05 });

  it('0.0505 against ≤ 0.05 fails, and prints as 0.0505×, not 0.050×', () => {
    // Session 18's quiet start: 193 ms against 3,823 ms (0.05048…), printed "0.050× PASS".
    const row = withinFivePercent([193, 180, 195], [3_823, 3_700, 3_900]);
    expect(row.ratio).toBeCloseTo(193 / 3_823, 12);
    expect(row.pass).toBe(false);
    expect(textTable([row])).toContain('0.0505×');
    expect(textTable([row])).toMatch(/FAIL/);
    expect(textTable([row])).not.toMatch(/PASS/);
    expect(withinFivePercent([0.0505], [1]).pass).toBe(false);
  });

  it('judges the medians as measured, not rounded to a tenth of a millisecond', () => {
    // 5.04 / 100.4 = 0.0502 (FAIL); the medians rounded to a tenth first, 5.0 / 100.4 = 0.0498 would pass.
    expect(withinFivePercent([5.04], [100.4]).pass).toBe(false);
    expect(withinFivePercent([5.02], [100.4]).pass).toBe(true);
  });

  it('a ratio well off the line prints as before; one exactly on it passes', () => {
    const far = withinFivePercent([276], [3_057]);
    expect(far.pass).toBe(false);
    expect(far.ratioDigits).toBeUndefined();
    expect(textTable([far])).toContain('0.090×');
    const on = withinFivePercent([50], [1_000]);
    expect(on.pass).toBe(true);
    expect(textTable([on])).toContain('0.050×');
    // Just under the line: passes, and prints more digits than 0.050 would need only if rounding crossed it (it does not).
    const under = withinFivePercent([49.96], [1_000]);
    expect(under.pass).toBe(true);
    expect(textTable([under])).toContain('0.050×');
  });

  it('a ratio of 0.1 or more (two decimals) gets a third when it is on its line', () => {
    const row = (ratio: number) =>
      resultRow({ scenario: 'sync', metric: 'wall', unit: 'ms', app: [ratio * 1000], baseline: [1000], target: '≤ 1.4×', pass: (_a, _b, r) => r !== null && r <= 1.4 });
    expect(row(1.404).pass).toBe(false);
    expect(textTable([row(1.404)])).toContain('1.404×');
    expect(textTable([row(1.38)])).toContain('1.38×');
    expect(row(1.38).pass).toBe(true);
  });
});

/** review19: an absolute target ("≤ 16 ms") was judged on the median rounded to a tenth (stats.ts summarize). */
describe('a bench row judges its figures as measured, not rounded', () => {
  const search = (app: number[]) =>
    resultRow({ scenario: 'search keystroke', metric: 'p95', unit: 'ms', app, target: '≤ 16 ms', pass: (a) => a.median <= 16 });

  it('a p95 median of 16.04 ms does not pass "≤ 16 ms", and prints as 16.04 ms, not 16 ms', () => {
    const row = search([16.04, 16.02, 16.3]);
    expect(row.pass).toBe(false);
    expect(row.app?.median).toBe(16.04);
    expect(textTable([row])).toContain('16.04 ms (16.02–16.30)');
    expect(textTable([row])).toMatch(/FAIL/);
    expect(textTable([row])).not.toMatch(/PASS/);
  });

  it('figures clear of the line, or exactly on it, print and judge as before', () => {
    const under = search([15.96, 15.9, 16.2]);
    expect(under.pass).toBe(true);
    expect(under.app?.digits).toBeUndefined();
    expect(textTable([under])).toContain('16 ms (15.9–16.2)');
    const on = search([16, 15, 17]);
    expect(on.pass).toBe(true);
    expect(textTable([on])).toContain('16 ms (15–17)');
    const far = search([12.34, 12.3, 13]);
    expect(far.pass).toBe(true);
    expect(far.app).toMatchObject({ median: 12.3, min: 12.3, max: 13, samples: [12.3, 12.3, 13] });
    expect(textTable([far])).toContain('12.3 ms (12.3–13)');
  });

  it('a maximum from 100 up (printed without decimals) gets one when it would hide its side: 400.4 against ≤ 400', () => {
    const peak = (app: number[]) => resultRow({ scenario: 'sync', metric: 'peak RSS', unit: 'MiB', app, target: '≤ 400 MiB', pass: (a) => a.max <= 400 });
    expect(peak([380, 400.4]).pass).toBe(false);
    expect(textTable([peak([380, 400.4])])).toContain('–400.4');
    expect(peak([380, 400]).pass).toBe(true);
    expect(textTable([peak([380, 400])])).toContain('390 MiB (380–400)');
  });

  it('a run that gave no figure fails the row instead of leaving it judged on the others (review29)', () => {
    // Session 29: a cold start whose list calls did not pair up has no Electron estimate; its median was taken over the
    // runs that had one, and the row could pass on two of three runs.
    const loaded = (app: number[], runs?: number) =>
      resultRow({ scenario: 'cold start', metric: 'every invoice loaded', unit: 'ms', app, runs, target: '≤ 1 s', pass: (a) => a.median <= 1_000, note: 'per run: …' });
    expect(loaded([900, 950], 2).pass).toBe(true);
    const short = loaded([900, 950], 3);
    expect(short.pass).toBe(false);
    expect(short.note).toBe('1 of 3 runs gave no figure: the row fails (not judged on the rest). per run: …');
    expect(textTable([short])).toMatch(/FAIL/);
    // No run with a figure at all: a FAIL, not an "info" row without a verdict.
    expect(loaded([], 3).pass).toBe(false);
    // Rows that do not say how many runs ran are judged as before.
    expect(loaded([900, 950]).pass).toBe(true);
  });
});
