import { basename } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { startOrg, type OrgOptions, type RunningOrg } from '../../org/index';
import { launchChromium } from '../../support/chromium';
import { startHarness, type Harness, type HarnessOptions } from '../../support/harness';
import { PlaywrightLoginAgent } from '../../support/playwright-login-agent';
import { fromOrgRecords, type OrgInvoice } from './expected';
import { connectDemo, waitForSynced } from './workspace-driver';

/** One org, one Chromium and one app per test file (see the e2e time budget). */
export interface WorkspaceFixture {
  org: RunningOrg;
  browser: Browser;
  harness: Harness;
  page: Page;
  agent: () => PlaywrightLoginAgent;
  /** The org's invoices as the app should show them. */
  invoices: () => OrgInvoice[];
  close(): Promise<void>;
}

export async function startWorkspace(
  options: {
    org?: OrgOptions;
    harness?: Omit<HarnessOptions, 'browser' | 'loginAgent' | 'demo' | 'extraLoginOrigins'>;
    connect?: boolean;
    /** How long the first sync may take (ms). */
    syncTimeout?: number;
  } = {},
): Promise<WorkspaceFixture> {
  const org = await startOrg({ invoices: 5000, multiCurrency: true, ...options.org });
  const browser = await launchChromium();
  let agent: PlaywrightLoginAgent | undefined;
  const harness = await startHarness({
    ...options.harness,
    browser,
    demo: { label: 'Local org', loginUrl: org.url, clientId: 'budgetly-demo' },
    extraLoginOrigins: [org.url],
    loginAgent: () => (agent = new PlaywrightLoginAgent(browser)),
  });
  const fixture: WorkspaceFixture = {
    org,
    browser,
    harness,
    page: harness.page,
    agent: () => agent!,
    invoices: () => fromOrgRecords(org.control.records('Invoice')),
    async close() {
      await harness.close();
      await agent?.dispose();
      await browser.close();
      await org.stop().catch(() => undefined);
    },
  };
  if (options.connect) {
    await connectDemo(harness.page, agent!);
    await waitForSynced(harness.page, fixture.invoices().length, options.syncTimeout);
  }
  return fixture;
}

/** axe-core over the page as it is now: no serious or critical violations. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(report, `accessibility of ${screen}`).toEqual([]);
}

/** `expect.poll` with room for a loaded 2-core machine (the default gives up after 1 s). */
export function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 20_000, interval: 50 });
}

/**
 * Exports as XLSX through the export menu — the view (`export-xlsx`) or the aging report (`export-report-xlsx`) —
 * answering the save dialog with `path`, and reads the file back.
 */
export async function exportXlsx(w: WorkspaceFixture, path: string, item: 'export-xlsx' | 'export-report-xlsx' = 'export-xlsx'): Promise<ExcelJS.Workbook> {
  w.harness.testCore.saveDialog.answer = path;
  await w.page.getByTestId('export-menu').click();
  await w.page.getByTestId(item).click();
  await poll(() => w.page.getByTestId('export-status').textContent()).toContain(basename(path));
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}
