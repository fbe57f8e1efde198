import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ORG_BUNDLE } from './build-workers';
import { ROOT } from './paths';

export interface OrgProcess {
  url: string;
  /** The org's process id (a worker reads the org's CPU around its own windows: process-cpu.ts processCpuReader). */
  pid: number;
  invoices: number;
  /** Calls the org's test-only control API over HTTP (POST /__org/<method>). */
  control<T = unknown>(method: string, args?: unknown[]): Promise<T>;
  /** CPU time the org's process has used so far (user + system, every thread), from /proc: what serving cost the org. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU in 1/100 s on every platform Linux runs on. */
const TICKS_PER_SECOND = 100;

/**
 * The local org in a process of its own (`scripts/org.ts`, bundled by buildWorkers() first: ORG_BUNDLE), so neither its memory nor its
 * garbage collector counts against the app's figures. Port 0, 127.0.0.1. Invoices only
 * (`--no-payments`): the scenarios measure the invoices-only sync their baselines were taken with;
 * `payments: true` adds payments, credit notes and their applications (issue #13: the receivables scenario
 * starts such an org beside this one, same seed: the same invoices).
 * Multi-currency with dated rates (issue #14: a few hundred rate records beside the invoices, what the
 * "Show in" scenario converts with).
 */
export async function startOrgProcess(invoices: number, options: { payments?: boolean; seed?: number } = {}): Promise<OrgProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--max-old-space-size=4096', ORG_BUNDLE, '--invoices', String(invoices), '--multi-currency', '--dated-rates', options.payments ? '--payments' : '--no-payments', '--port', '0', ...(options.seed === undefined ? [] : ['--seed', String(options.seed)])],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the org did not start within 120 s:\n${stderr}`)), 120_000);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = out.match(/^ready (http:\/\/127\.0\.0\.1:\d+)$/m);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the org exited (${String(code)}):\n${stderr}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    invoices,
    async control<T>(method: string, args: unknown[] = []): Promise<T> {
      const response = await fetch(`${url}/__org/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) });
      const body = (await response.json()) as { result?: T; error?: string };
      if (!response.ok) throw new Error(`org control ${method}: ${body.error ?? response.status}`);
      return body.result as T;
    },
    cpuMs() {
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
