import type { RecordProgress } from '../../../../electron/contract';
import type { Harness } from './invoice-harness';

/**
 * Waits until the harness's background record phases (every invoice's whole record, after each sync) have ended
 * `count` times in all; answers how the last of them ended.
 */
export async function recordPhaseEnded(harness: Pick<Harness, 'events'>, count = 1): Promise<RecordProgress> {
  const ends = () => harness.events.of('invoices.recordProgress').filter((p) => p.phase === 'done' || p.phase === 'failed' || p.phase === 'cancelled');
  for (let waited = 0; ends().length < count; waited += 20) {
    if (waited > 120_000) throw new Error(`record phase ${count} did not end`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return ends()[count - 1]!;
}
