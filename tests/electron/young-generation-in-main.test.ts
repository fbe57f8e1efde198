import { resolve } from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { EXTERNAL_TEXT_CHARS } from '../../electron/core/invoices/snapshot/row-columns';
import { findElectronBinary } from './electron-binary';

const binary = findElectronBinary();
const root = resolve(import.meta.dirname, '../..');

interface Kept {
  before: number;
  after: number;
}

/**
 * Issue #19's 1M full sync keeps its young generation small by two means (BENCHMARKS.md, sessions 28 and 29): the chunks'
 * text kept outside V8's heap (Node's external strings, `EXTERNAL_TEXT_CHARS`), and `--semi-space-growth-factor=1` set at
 * run time while it pages (sync/young-generation.ts). Both were measured under Node only; this checks them in Electron's
 * own main process, on the V8 it ships (no binary on the build machine: it runs wherever one exists). Each measure is a
 * fresh isolate (a worker thread of the main process) keeping ~48 MB of text, as a sync keeps its pages' text.
 */
describe.skipIf(!binary)('the young generation in Electron’s main process', () => {
  let app: ElectronApplication | undefined;
  afterAll(async () => app?.close());

  it('keeps its size with the chunks’ text outside the heap, and while the growth factor is held at 1', async () => {
    app = await electron.launch({ executablePath: binary!, args: [root], env: { ...process.env, BUDGETLY_DEMO_ORG_URL: '' } });
    const kept = await app.evaluate(async (_electron, externalChars) => {
      const v8 = process.getBuiltinModule('node:v8');
      const { Worker } = process.getBuiltinModule('node:worker_threads');
      const keep = (chars: number) =>
        new Promise<{ before: number; after: number }>((done, fail) => {
          const source = `
            const { parentPort, workerData } = require('node:worker_threads');
            const young = () => require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
            const before = young();
            const bytes = Buffer.alloc(workerData, 65);
            const texts = [];
            for (let made = 0; made < 48e6; made += workerData) { bytes[texts.length % workerData] = 66; texts.push(bytes.toString('latin1')); }
            parentPort.postMessage({ before, after: young() });`;
          const worker = new Worker(source, { eval: true, workerData: chars });
          worker.once('message', done);
          worker.once('error', fail);
        });
      const outside = await keep(externalChars);
      const page = await keep(230_000);
      v8.setFlagsFromString('--semi-space-growth-factor=1');
      let held: { before: number; after: number };
      try {
        held = await keep(230_000);
      } finally {
        v8.setFlagsFromString('--semi-space-growth-factor=2');
      }
      return { outside, page, held, v8: process.versions.v8 };
    }, EXTERNAL_TEXT_CHARS);
    console.info(`young generation in Electron's main process, V8 ${kept.v8}:`, JSON.stringify(kept));
    const grew = (k: Kept) => k.after > k.before;
    expect(grew(kept.page)).toBe(true);
    expect(grew(kept.outside)).toBe(false);
    expect(grew(kept.held)).toBe(false);
  });
});
