/// <reference lib="dom" />
// `npm run demo:headless -- --orgs N` (#21): the other N − 1 local orgs beside the demo's first, connected, and
// "All connections" read back from the screen for summary.json `allConnections`. Kept out of demo-headless.ts.
import type { Page } from 'playwright-core';
import { connectTestCore, readSummary, startOrg, type OrgOptions, type PlaywrightLoginAgent } from '../../tests/index';

type RunningOrg = Awaited<ReturnType<typeof startOrg>>;
type TestCoreCalls = Parameters<typeof connectTestCore>[0];

export interface AllConnectionsSummary {
  /** One entry per currency over the combined view: receivables' count, total and balance (as the cards add them). */
  currencies: { currency: string; count: number; total: number; balance: number }[];
  /** One entry per org: the connection's name, the org's seed, and how many of its invoices the combined view shows. */
  orgs: { name: string; seed: number; count: number }[];
}

/** `--orgs`: a whole number from 1 to 20 (the combined export's limit), else null. */
export function orgCount(value: string | undefined): number | null {
  if (value === undefined) return 1;
  return /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 20 ? Number(value) : null;
}

/** The n-th org's label (n from 1): the first is the demo's own. */
export const orgLabel = (n: number) => (n === 1 ? 'Demo org' : `Demo org ${n}`);

/** Orgs 2…N with the first's options on seeds seed + 1 … seed + N − 1 (started before the app, which must trust their origins). */
export async function startMoreOrgs(orgOptions: OrgOptions, orgs: number): Promise<RunningOrg[]> {
  const seed = orgOptions.seed ?? 42;
  const more: RunningOrg[] = [];
  for (let n = 2; n <= orgs; n++) more.push(await startOrg({ ...orgOptions, seed: seed + n - 1 }));
  return more;
}

/**
 * Connects orgs 2…N (the real sign-in, as a user adds a connection), opens "All connections" and waits for every
 * org's invoices.
 */
export async function showAllConnections(options: { page: Page; testCore: TestCoreCalls; agent: PlaywrightLoginAgent; more: readonly RunningOrg[] }): Promise<void> {
  for (const [k, org] of options.more.entries()) await connectTestCore(options.testCore, org, { agent: options.agent, label: orgLabel(k + 2) });
  const { page } = options;
  const switcher = page.getByTestId('connection-switcher');
  await switcher.locator('summary').click();
  await switcher.getByTestId('pick-all-connections').click();
  await page.getByTestId('all-connections').waitFor();
  await waitForEveryOrg(page, options.more.length + 1);
}

/** Until every org's list is complete, shown together, and no org is syncing. */
async function waitForEveryOrg(page: Page, orgs: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const count = document.querySelector('[data-testid="row-count"]');
      const synced = document.querySelectorAll('[data-testid="filter-org"] [data-testid="connection-freshness"]');
      return count?.getAttribute('data-complete') === 'true' && synced.length === n && !document.querySelector('[data-testid="sync-all"][aria-busy="true"]');
    },
    orgs,
    { timeout: 600_000 },
  );
}

/** What "All connections" shows: the cards per currency, and each org's row count (through the org filter). */
export async function readAllConnections(page: Page, orgs: number, seed: number): Promise<AllConnectionsSummary> {
  const currencies = (await readSummary(page)).map(({ currency, count, total, balance }) => ({ currency, count, total, balance }));
  const perOrg: AllConnectionsSummary['orgs'] = [];
  for (let n = 1; n <= orgs; n++) {
    const name = orgLabel(n);
    // "Demo org" but not "Demo org 2": the box's name is the label followed by its freshness.
    const box = page.getByTestId('filter-org').getByRole('checkbox', { name: new RegExp(`^${name}(?!\\s*\\d)`) });
    await box.check();
    await page.waitForFunction(
      (org) => {
        const cells = [...document.querySelectorAll('.grid-body [data-column="org"]')];
        return cells.length > 0 && cells.every((cell) => cell.textContent === org);
      },
      name,
      { timeout: 60_000 },
    );
    perOrg.push({ name, seed: seed + n - 1, count: Number(await page.getByTestId('row-count').getAttribute('data-visible')) });
    await box.uncheck();
  }
  return { currencies, orgs: perOrg };
}
