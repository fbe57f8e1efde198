import { beforeAll, describe, expect, it } from 'vitest';
import { atLeastMedium, explainedFindings, runElectronegativity, unexplained, type Finding } from '../../scripts/electronegativity';

/**
 * Doyensec's Electronegativity over electron/main, electron/preload, the renderer's index.html and
 * package.json (scripts/electronegativity.ts, offline). Any finding of medium or higher severity
 * fails `npm test` unless SECURITY.md's "Electronegativity findings" table explains it (check + file).
 */
describe('Electronegativity', () => {
  // One scan for every test (each test stands alone: none relies on another having run first).
  let findings: Finding[];
  beforeAll(async () => {
    findings = await runElectronegativity();
  });

  it('parses the Electron shell and runs its checks', () => {
    // The scan really looked at our files (the version check reads package.json, the CSP check index.html).
    expect(findings.some((finding) => finding.id === 'ELECTRON_VERSION_JSON_CHECK')).toBe(true);
    expect(findings.some((finding) => finding.id === 'CSP_GLOBAL_CHECK' && finding.file === 'renderer/index.html')).toBe(true);
  });

  it('has no medium-or-higher finding that SECURITY.md does not explain', () => {
    const open = unexplained(findings);
    expect(open.map((finding) => `${finding.severity} ${finding.id} ${finding.file}:${finding.line} ${finding.sample}`)).toEqual([]);
  });

  it('rates the CSP low at most, and SECURITY.md explains nothing that is no longer found', () => {
    const explained = explainedFindings();
    expect(explained.length).toBeGreaterThan(0);
    const stale = explained.filter((row) => !findings.some((finding) => finding.id === row.id && finding.file === row.file && atLeastMedium(finding)));
    expect(stale, 'rows in SECURITY.md for findings that no longer occur: remove them').toEqual([]);
    // The CSP is strict: Electronegativity rates it LOW at most (no unsafe-inline/unsafe-eval/wildcards).
    const csp = findings.filter((finding) => finding.id === 'CSP_GLOBAL_CHECK');
    expect(csp.every((finding) => !atLeastMedium(finding))).toBe(true);
  });
});
