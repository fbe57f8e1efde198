import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repo root. Workers run bundled from node_modules/.cache (see build-workers.ts), where
 * import.meta.url says nothing about the repo: the runner passes BENCH_ROOT to them.
 */
export const ROOT = process.env.BENCH_ROOT ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const BENCH_DIR = resolve(ROOT, 'scripts/bench');
