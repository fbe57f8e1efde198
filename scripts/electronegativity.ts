/**
 * Runs Doyensec's Electronegativity over the Electron shell's sources (electron/main, electron/preload),
 * the renderer's index.html (for the CSP checks) and package.json (for the Electron version), offline.
 *
 * Offline on purpose: the library fetches translations from the internet before every run and the
 * AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK downloads Electron's release list. Here the translations
 * bundled with the package are used (the module that fetches them is replaced before the runner
 * loads) and that one global check is excluded (SECURITY.md says why).
 *
 * `npx tsx scripts/electronegativity.ts` prints every finding and exits 1 when a finding of
 * medium or higher severity is not explained in SECURITY.md's "Electronegativity findings" table.
 * tests/security/electronegativity.test.ts runs the same check in `npm test`.
 */
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Class names, as the library expects them (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK needs the internet). */
export const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;

export interface Finding {
  id: string;
  severity: (typeof SEVERITIES)[number];
  confidence: string;
  /** Relative to the repository root, e.g. electron/main/main-window.ts ("N/A" for global findings). */
  file: string;
  line: number;
  sample: string;
  description: string;
}

interface RawIssue {
  id: string;
  severity: { name: string };
  confidence: { name: string };
  file: string;
  location: { line: number; column: number };
  sample?: string;
  description: string;
}

const require = createRequire(import.meta.url);

/** Makes the library use its bundled translations instead of downloading them. */
function installOfflineTranslations(): void {
  const i18nModulePath = require.resolve('@doyensec/electronegativity/dist/locales/i18n.js');
  const i18n = createRequire(i18nModulePath)('i18n') as { configure(options: object): void; setLocale(locale: string): void };
  const offline = async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: dirname(i18nModulePath),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: global,
    });
    i18n.setLocale('en-US');
  };
  const stub = new Module(i18nModulePath);
  stub.filename = i18nModulePath;
  stub.loaded = true;
  stub.exports = offline;
  require.cache[i18nModulePath] = stub;
}

/** What is scanned, copied into a temporary folder with the repository's relative paths. */
function stageInput(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'budgetly-eneg-'));
  for (const folder of ['electron/main', 'electron/preload']) cpSync(join(ROOT, folder), join(dir, folder), { recursive: true });
  cpSync(join(ROOT, 'renderer/index.html'), join(dir, 'renderer/index.html'));
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function runElectronegativity(): Promise<Finding[]> {
  installOfflineTranslations();
  const run = require('@doyensec/electronegativity') as (options: object) => Promise<{ issues: RawIssue[]; errors: { file: string; message: string; tolerable: boolean }[] }>;
  const input = stageInput();
  try {
    const result = await run({
      input: input.dir,
      isRelative: false,
      isVerbose: false,
      excludeFromScan: EXCLUDED_CHECKS,
      electronVersionOverride: electronVersion(),
    });
    const fatal = result.errors.filter((error) => !error.tolerable);
    if (fatal.length > 0) throw new Error(`Electronegativity could not parse: ${fatal.map((error) => `${error.file}: ${error.message}`).join('; ')}`);
    return result.issues.map((issue) => ({
      id: issue.id,
      severity: issue.severity.name as Finding['severity'],
      confidence: issue.confidence.name,
      file: issue.file === 'N/A' ? 'N/A' : relative(input.dir, issue.file),
      line: issue.location.line,
      sample: (issue.sample ?? '').trim().slice(0, 160),
      description: issue.description,
    }));
  } finally {
    input.remove();
  }
}

function electronVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  return pkg.devDependencies.electron!.replace(/^[^\d]*/, '');
}

export function atLeastMedium(finding: Finding): boolean {
  return SEVERITIES.indexOf(finding.severity) >= SEVERITIES.indexOf('MEDIUM');
}

/** The rows of SECURITY.md's "Electronegativity findings" table: `| CHECK_ID | file | why |`. */
export function explainedFindings(securityMd = readFileSync(join(ROOT, 'SECURITY.md'), 'utf8')): { id: string; file: string; why: string }[] {
  const section = securityMd.split(/^## Electronegativity findings/m)[1]?.split(/^## /m)[0] ?? '';
  return section
    .split('\n')
    .map((line) => line.match(/^\|\s*`?([A-Z0-9_]+)`?\s*\|\s*`?([^|`]+?)`?\s*\|\s*(.+?)\s*\|\s*$/))
    .filter((match): match is RegExpMatchArray => match !== null)
    .map((match) => ({ id: match[1]!, file: match[2]!, why: match[3]! }));
}

export function unexplained(findings: Finding[], explained = explainedFindings()): Finding[] {
  return findings.filter(atLeastMedium).filter((finding) => !explained.some((row) => row.id === finding.id && row.file === finding.file && row.why.length >= 20));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const findings = await runElectronegativity();
  for (const finding of findings) console.log(`${finding.severity.padEnd(13)} ${finding.id} ${finding.file}:${finding.line} ${finding.sample}`);
  const open = unexplained(findings);
  if (open.length > 0) {
    console.error(`\n${open.length} finding(s) of medium or higher severity are not explained in SECURITY.md:`);
    for (const finding of open) console.error(`  ${finding.id} ${finding.file}:${finding.line}`);
    process.exit(1);
  }
  console.log(`\n${findings.length} finding(s); every medium-or-higher one is explained in SECURITY.md.`);
}
