import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BENCH_DIR, ROOT } from './paths';

/** Where the bundled workers go: inside the repo, so their bare imports resolve from its node_modules. */
export const WORKER_OUT_DIR = join(ROOT, 'node_modules/.cache/budgetly-bench');

/**
 * Bundles every worker the way the shipped main process is built (electron-vite/rolldown: no
 * keepNames), and runs them with plain `node`. Under tsx every module is transformed with esbuild's
 * keepNames, which wraps each closure created at run time in a `__name()` call: in a 100k-row CSV
 * export that alone cost ~1 s of 2.7 s (export-cells.ts creates three closures per cell). The app
 * never pays that, so the bench must not either. Packages stay external (loaded from node_modules).
 */
export async function buildWorkers(): Promise<void> {
  const workers = readdirSync(join(BENCH_DIR, 'workers')).filter((name) => name.endsWith('.ts'));
  await build({
    entryPoints: workers.map((name) => join(BENCH_DIR, 'workers', name)),
    outdir: WORKER_OUT_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    keepNames: false,
    logLevel: 'error',
  });
  await buildOrg();
}

/** The local org's bundle (scripts/org.ts and the tests/org code it runs), which startOrgProcess() starts with plain `node`. */
export const ORG_BUNDLE = join(WORKER_OUT_DIR, 'org.mjs');

/**
 * The local org bundled once per bench run instead of started with `node --import tsx` each time: tsx's loader and its
 * transform of every module cost ~1.5 s of CPU per start (review20: 4.4 → 2.9 s), and a quick run starts six orgs.
 * keepNames stays on, as under tsx: the org's code while it serves is the code tsx ran (its `__name()` wrappers
 * included), so the org's CPU during a sync — which shares the app's two cores in the receivables scenario — stays
 * what earlier figures measured; only the start-up is cheaper.
 */
async function buildOrg(): Promise<void> {
  await build({
    entryPoints: [join(ROOT, 'scripts/org.ts')],
    outfile: ORG_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    keepNames: true,
    logLevel: 'error',
  });
}
