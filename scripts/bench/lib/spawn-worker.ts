import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { WORKER_OUT_DIR } from './build-workers';
import { ROOT } from './paths';
import { RESULT_MARK } from './worker-io';

export { BENCH_DIR, ROOT } from './paths';

export interface SpawnOptions {
  /** Node flags, e.g. --cpu-prof (BENCH_NODE_FLAGS adds more from the environment). */
  nodeFlags?: string[];
  timeoutMs?: number;
}

/**
 * Runs one bench worker (scripts/bench/workers/<name>.ts, bundled by buildWorkers() first) in its
 * own Node process, so its peak memory is its own, and returns the JSON it printed. A worker that
 * fails, or runs past its timeout, is an error.
 */
export function spawnWorker<T>(name: string, input: unknown, options: SpawnOptions = {}): Promise<T> {
  const file = join(WORKER_OUT_DIR, `${name}.mjs`);
  const extra = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const args = ['--expose-gc', ...extra, ...(options.nodeFlags ?? []), file, JSON.stringify(input)];
  return new Promise<T>((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BENCH_ROOT: ROOT } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 300_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARK));
      if (code === 0 && line) return resolvePromise(JSON.parse(line.slice(RESULT_MARK.length)) as T);
      const why = signal ? `killed by ${signal}` : `exit code ${String(code)}`;
      reject(new Error(`bench worker ${name} failed (${why}):\n${stderr.split('\n').filter((l) => !l.includes('Unsupported runtime')).slice(-15).join('\n')}`));
    });
  });
}
