import { parseArgs } from 'node:util';
import type { BenchOptions } from './types';

export interface Cli {
  options: BenchOptions;
  json: string | null;
  /** Run only the scenarios whose names contain one of these words. */
  only: string[];
  build: boolean;
}

export const USAGE = `usage: npm run bench [-- --quick] [--json <file>] [--only <name,...>] [--build]
  --quick   small sizes (3,000 invoices, 10,000 for the "million" sync), one or two runs each: under a minute
  --json    also write the results (and the machine) as JSON to <file>
  --only    e.g. --only sync,export (matched against scenario names)
  --runs    runs per scenario, overriding the defaults (e.g. --runs 1 for a before/after check)
  --build   build the renderer first (npx electron-vite build); the UI scenarios use out/renderer
            (BENCH_RENDERER_DIR=<dir> measures another build)`;

export function parseCli(argv: string[]): Cli {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean' },
      json: { type: 'string' },
      only: { type: 'string' },
      runs: { type: 'string' },
      build: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const quick = values.quick ?? false;
  const options: BenchOptions = quick
    ? {
        quick,
        invoices: 3_000,
        millionInvoices: 10_000,
        runs: { sync: 2, incremental: 1, export: 1, ui: 1, million: 1, refresh: 1 },
        searches: 1,
        scrollMaxFrames: 60,
      }
    : {
        quick,
        invoices: 100_000,
        millionInvoices: 1_000_000,
        runs: { sync: 5, incremental: 3, export: 3, ui: 3, million: 2, refresh: 3 },
        searches: 3,
        scrollMaxFrames: 2_000,
      };
  const runs = values.runs === undefined ? null : Number(values.runs);
  if (runs !== null) {
    if (!Number.isInteger(runs) || runs < 1 || runs > 20) throw new Error('--runs must be a whole number from 1 to 20');
    for (const key of Object.keys(options.runs) as (keyof BenchOptions['runs'])[]) options.runs[key] = runs;
  }
  return { options, json: values.json ?? null, only: values.only ? values.only.split(',').map((s) => s.trim().toLowerCase()) : [], build: values.build ?? false };
}
