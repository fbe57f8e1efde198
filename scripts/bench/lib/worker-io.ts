/** The worker side of the runner ↔ worker protocol: arguments as one JSON argv, the result as one stdout line. */

export const RESULT_MARK = 'BENCH_RESULT ';

export function workerInput<T>(): T {
  const raw = process.argv[2];
  if (!raw) throw new Error('A bench worker needs its input as a JSON argument.');
  return JSON.parse(raw) as T;
}

/** Runs a worker's main function, reporting a failure as a non-zero exit with the error on stderr. */
export function runWorker(main: () => Promise<Record<string, unknown>>): void {
  main().then(
    (result) => {
      process.stdout.write(`${RESULT_MARK}${JSON.stringify(result)}\n`, () => process.exit(0));
    },
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exit(1);
    },
  );
}
