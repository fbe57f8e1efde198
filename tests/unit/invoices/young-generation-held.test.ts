import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { holdYoungGeneration } from '../../../electron/core/invoices/sync/young-generation';

/**
 * A full sync keeps every page's columns: all of it survives V8's scavenges once, which grew the young generation to its
 * largest (128 MiB of the 1M sync's peak RSS; BENCHMARKS.md, session 28). While a sync holds it, it must keep its size;
 * released, V8 grows it again as before. Measured in a fresh isolate (a worker thread: its young generation starts at its
 * smallest, whatever this process did before) that keeps ~48 MB of strings, as a sync keeps its pages' text.
 */
const KEEP_SURVIVORS = `
  const { parentPort } = require('node:worker_threads');
  const { getHeapSpaceStatistics } = require('node:v8');
  const young = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size;
  const before = young();
  const kept = [];
  for (let page = 0; page < 400; page++) {
    const rows = [];
    for (let row = 0; row < 2000; row++) rows.push({ id: 'a' + page + '-' + row, amount: row });
    kept.push(rows.map((r) => r.id).join(','));
  }
  parentPort.postMessage({ before, after: young(), kept: kept.length });
`;

function youngGenerationOfAFreshIsolate(): Promise<{ before: number; after: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(KEEP_SURVIVORS, { eval: true });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

describe('the young generation while a full sync pages', () => {
  it('keeps its size while held, and grows again once released', async () => {
    const release = holdYoungGeneration();
    let held: { before: number; after: number };
    try {
      held = await youngGenerationOfAFreshIsolate();
    } finally {
      release();
    }
    expect(held.after).toBe(held.before);
    const free = await youngGenerationOfAFreshIsolate();
    expect(free.after).toBeGreaterThan(free.before);
  });

  it('stays held until the last of two syncs ends (each release counts once)', async () => {
    const first = holdYoungGeneration();
    const second = holdYoungGeneration();
    first();
    first();
    try {
      const held = await youngGenerationOfAFreshIsolate();
      expect(held.after).toBe(held.before);
    } finally {
      second();
    }
    const free = await youngGenerationOfAFreshIsolate();
    expect(free.after).toBeGreaterThan(free.before);
  });
});
