import { afterAll, beforeAll, expect } from 'vitest';
import { startOrg, type OrgOptions, type RunningOrg } from '../org';
import { CONNECTION_ID, startHarness, type Harness, type InvoiceHarnessOptions } from '../integration/invoices/support/invoice-harness';
import { tempDir } from './test-ports';

/**
 * The set-up every integration test over a real org repeated: in `beforeAll` the local org starts (with the file's
 * flags and seed), then the app on it (the invoices harness: invoice-harness.ts); in `afterAll`
 * the app is disposed, the org stopped and the data folder removed, pass or fail. Call it in the describe (or at the
 * top of the file) whose tests share that org; read `org` and the app inside the tests and hooks.
 */
interface OrgSetupOptions {
  /** Runs once the org is up, before the app starts on it (records changed or renamed so the first sync finds them). */
  prepare?: (org: RunningOrg) => void | Promise<void>;
  /** Time limit of the `beforeAll` (a large seed and its first sync); the project's hook timeout otherwise. */
  timeout?: number;
}

/** A local org and the invoices harness on it. */
export interface OrgHarness {
  /** The org: a test that stops it and starts another puts the new one here (the last one is stopped). */
  org: RunningOrg;
  /** The app: a test that restarts it puts the new one here (the last one is disposed). */
  harness: Harness;
  /** The app's data folder (a restart opens the same one). */
  readonly dir: string;
}

/**
 * The org and the invoices harness for the tests of one describe; `sync` syncs once before they run (the answer must
 * be ok), 'incremental' being what the app asks by default (a first sync is full whatever is asked).
 */
export function useOrgHarness(orgOptions: OrgOptions, options: InvoiceHarnessOptions & OrgSetupOptions & { sync?: 'full' | 'incremental' } = {}): OrgHarness {
  const { prepare, timeout, sync, ...harnessOptions } = options;
  const temp = tempDir();
  const world = { dir: temp.dir } as OrgHarness;
  beforeAll(async () => {
    world.org = await startOrg(orgOptions);
    await prepare?.(world.org);
    world.harness = await startHarness(world.org, temp.dir, harnessOptions);
    if (sync) {
      const synced = await world.harness.call('invoices.sync', { connectionId: CONNECTION_ID, mode: sync });
      expect(synced.ok, JSON.stringify(synced.error)).toBe(true);
    }
  }, timeout);
  afterAll(() => stopOrgAndApps(world.org, [world.harness], [temp]));
  return world;
}

/**
 * Orgs and harnesses a file's tests start one each (their flags or clocks differ): each is stopped, disposed and its
 * folder removed after the file's tests, pass or fail.
 */
export function useOrgsPerTest(): { start(orgOptions: OrgOptions, options?: InvoiceHarnessOptions): Promise<OrgHarness> } {
  const started: { org: RunningOrg; harness?: Harness; temp: ReturnType<typeof tempDir> }[] = [];
  afterAll(() =>
    tearDown([
      ...started.map(({ harness }) => () => harness?.dispose()),
      ...started.map(({ org }) => () => org.stop()),
      ...started.map(({ temp }) => () => temp.remove()),
    ]),
  );
  return {
    async start(orgOptions, options = {}) {
      const temp = tempDir();
      const entry: (typeof started)[number] = { org: await startOrg(orgOptions), temp };
      started.push(entry);
      entry.harness = await startHarness(entry.org, temp.dir, options);
      return {
        get org() {
          return entry.org;
        },
        set org(org) {
          entry.org = org;
        },
        get harness() {
          return entry.harness!;
        },
        set harness(harness) {
          entry.harness = harness;
        },
        dir: temp.dir,
      };
    },
  };
}

/**
 * What a file that starts its own org and apps on it (an offline app beside an online one, say) stops after its tests,
 * pass or fail: each app disposed, then the org stopped and the data folders removed (see `tearDown`).
 */
export function stopOrgAndApps(org: RunningOrg | undefined, apps: (Harness | undefined)[], folders: { remove(): void }[]): Promise<void> {
  return tearDown([...apps.map((app) => () => app?.dispose()), () => org?.stop(), ...folders.map((folder) => () => folder.remove())]);
}

/**
 * The one way this set-up stops what it started: every step runs, in order, whatever an earlier one threw (an app's
 * dispose that reports a broken contract still leaves the org stopped and the folders removed), and the teardown then
 * fails with the first error (or all of them). An org's `stop()` never fails and may be called again: a test that
 * already stopped its org is fine.
 */
async function tearDown(steps: (() => unknown)[]): Promise<void> {
  const errors: unknown[] = [];
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, `${errors.length} steps of the teardown failed`);
}
