import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { createRequire } from 'node:module';
import { CHROMIUM_PATH } from '../../../tests/index';
import { ROOT } from './paths';

const require = createRequire(import.meta.url);

function quiet(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

export interface Machine {
  date: string;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  chromium: string;
  playwright: string;
  commit: string;
  loadAverage: number[];
}

export function describeMachine(): Machine {
  return {
    date: new Date().toISOString(),
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium: quiet(CHROMIUM_PATH, ['--version']).split('\n').pop() ?? 'unknown',
    playwright: (require('playwright-core/package.json') as { version: string }).version,
    commit: quiet('git', ['rev-parse', '--short', 'HEAD']),
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}
