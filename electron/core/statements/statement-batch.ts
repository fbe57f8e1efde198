/**
 * Many statements, one after another: progress after each file ("12 of 40"), and a cancel that stops after the file
 * being written — each file is whole or absent (written to a temp file and renamed), the written ones stay.
 */
export async function writeStatements<Customer>(job: {
  customers: readonly Customer[];
  write: (customer: Customer) => Promise<void>;
  isCancelled: () => boolean;
  onProgress: (written: number, total: number) => void;
}): Promise<{ written: number; total: number; cancelled: boolean }> {
  const total = job.customers.length;
  let written = 0;
  job.onProgress(0, total);
  for (const customer of job.customers) {
    if (job.isCancelled()) return { written, total, cancelled: true };
    await job.write(customer);
    written++;
    job.onProgress(written, total);
  }
  return { written, total, cancelled: false };
}
