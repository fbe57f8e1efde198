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
}
