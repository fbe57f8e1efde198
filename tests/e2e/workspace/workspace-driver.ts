import type { Locator, Page } from 'playwright-core';
import { signInAndAllow, type PlaywrightLoginAgent } from '../../support/playwright-login-agent';

/**
 * How a user drives the workspace, as functions the e2e tests and `demo:headless` share.
 * Everything is read from what is on screen (text, ARIA, and the data-* attributes that carry
 * the same numbers the text shows).
 */

export const DEMO_CREDENTIALS = { username: 'demo@budgetly.test', password: 'budgetly' };

/** Clicks the one-click demo connection and signs in on the org's own login and consent pages. */
export async function connectDemo(page: Page, agent: PlaywrightLoginAgent, credentials = DEMO_CREDENTIALS): Promise<void> {
  const loginPage = agent.nextPage();
  await page.getByTestId('connect-demo').click();
  const login = await loginPage;
  await signInAndAllow(login, credentials).catch((error: unknown) => {
    if (!login.isClosed()) throw error;
  });
}

/** Waits until no sync is running and the table knows `total` invoices (or any, when omitted). */
export async function waitForSynced(page: Page, total?: number, timeout = 60_000): Promise<number> {
  await page.getByTestId('sync-button').waitFor({ timeout });
  const count = page.getByTestId('row-count');
  await page.waitForFunction(
    (expected) => {
      const el = document.querySelector('[data-testid="row-count"]');
      const shown = Number(el?.getAttribute('data-total') ?? '0');
      const syncing = document.querySelector('[data-testid="sync-progress"]');
      return !syncing && shown > 0 && (expected === null || shown === expected);
    },
    total ?? null,
    { timeout },
  );
  return Number(await count.getAttribute('data-total'));
}

export async function visibleCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('row-count').getAttribute('data-visible'));
}

/** Waits for the deferred search/filter to settle on `expected` visible rows (longer than 15 s for a million rows). */
export async function waitForVisibleCount(page: Page, expected: number, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid="row-count"]')?.getAttribute('data-visible') === String(n) && !document.querySelector('#invoice-search[aria-busy="true"]'),
    expected,
    { timeout },
  );
}

/** Searches for `customer`, opens their customer view from a row of theirs, and waits until its figures are in; the view. */
export async function openCustomerView(page: Page, customer: string): Promise<Locator> {
  await page.getByTestId('search').fill(customer);
  await page.locator('.grid-body [role="row"]').filter({ hasText: customer }).first().locator('.customer-link').click();
  const view = page.getByTestId('customer-view');
  await view.getByTestId('customer-card').first().waitFor();
  await view.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
  return view;
}

/** The invoice numbers of the rows rendered right now, in display order (top of the list after a reset). */
export async function renderedNumbers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll('[role="grid"] [role="rowgroup"].grid-body [role="row"]')];
    return rows
      .map((row) => ({ index: Number(row.getAttribute('aria-rowindex')), number: row.querySelector('[data-column="number"]')?.textContent ?? '' }))
      .sort((a, b) => a.index - b.index)
      .map((r) => r.number);
  });
}

export interface ShownCurrency {
  currency: string;
  count: number;
  total: number;
  balance: number;
  aging: Record<string, { amount: number; count: number }>;
  /** Invoices shown but left out of receivables: drafts (unless included) and cancelled ones, with their balance. */
  excluded: { drafts: { count: number; amount: number }; cancelled: { count: number; amount: number } };
  /** The text on screen, e.g. "$1,234.50". */
  totalText: string;
  balanceText: string;
}

/** The per-currency cards as shown: counts, totals, balances and aging bars. */
export async function readSummary(page: Page): Promise<ShownCurrency[]> {
  // No named helpers inside: tsx/esbuild would wrap them in a `__name` call the page does not have.
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="currency-card"]')].map((card) => {
      const aging: Record<string, { amount: number; count: number }> = {};
      for (const bar of card.querySelectorAll('[data-testid="aging-bar"]')) {
        aging[bar.getAttribute('data-bucket')!] = { amount: Number(bar.getAttribute('data-amount')), count: Number(bar.getAttribute('data-count')) };
      }
      const total = card.querySelector('[data-testid="currency-total"]');
      const balance = card.querySelector('[data-testid="currency-balance"]');
      const drafts = card.querySelector('[data-testid="left-out-drafts"]');
      const cancelled = card.querySelector('[data-testid="left-out-cancelled"]');
      return {
        currency: card.getAttribute('data-currency')!,
        count: Number(card.querySelector('[data-testid="currency-count"]')?.getAttribute('data-value')),
        total: Number(total?.getAttribute('data-amount')),
        balance: Number(balance?.getAttribute('data-amount')),
        aging,
        // What the card says it left out of receivables (none shown: 0 and 0).
        excluded: {
          drafts: { count: Number(drafts?.getAttribute('data-count') ?? 0), amount: Number(drafts?.getAttribute('data-amount') ?? 0) },
          cancelled: { count: Number(cancelled?.getAttribute('data-count') ?? 0), amount: Number(cancelled?.getAttribute('data-amount') ?? 0) },
        },
        totalText: total?.textContent ?? '',
        balanceText: balance?.textContent ?? '',
      };
    }),
  );
}

/**
 * Sets the aging's as-of date (YYYY-MM-DD) in the toolbar's date field, and waits until the view is as of it: the
 * note says what it left out or where its balances come from. Returns where they come from.
 */
export async function setAsOf(page: Page, asOf: string): Promise<'applications' | 'lastSync'> {
  const field = page.getByTestId('as-of');
  await field.fill(asOf);
  await field.press('Enter');
  await page.waitForFunction((day) => document.querySelector('[data-testid="as-of"]')?.getAttribute('data-value') === day, asOf);
  const note = page.getByTestId('as-of-note');
  await note.locator('[data-testid="as-of-applied"], [data-testid="as-of-last-sync"]').first().waitFor();
  return (await note.getByTestId('as-of-applied').count()) > 0 ? 'applications' : 'lastSync';
}

export async function connectionStatus(page: Page): Promise<string | null> {
  return page.getByTestId('connection-status').getAttribute('data-status');
}

export interface ShownCorporate {
  currency: string;
  count: number;
  total: number;
  balance: number;
  /** Converted open balance per aging bucket. */
  aging: Record<string, number>;
  /** Invoices shown without a rate (the notice's count; 0 without a notice). */
  missingRate: number;
  totalText: string;
}

/** "Show in" the corporate currency at a basis (the control above the cards); waits for the corporate card. */
export async function showInCorporate(page: Page, basis: 'invoiceDate' | 'asOf'): Promise<void> {
  await page.getByTestId('show-in').selectOption('corporate');
  await page.getByTestId('conversion-basis').selectOption(basis);
  await page.getByTestId('corporate-card').waitFor();
}

/** The corporate card as shown (the data-* attributes carry the numbers the text shows) and the missing-rate notice's count. */
export async function readCorporate(page: Page): Promise<ShownCorporate> {
  await page.getByTestId('corporate-card').waitFor();
  return page.evaluate(() => {
    const card = document.querySelector('[data-testid="corporate-card"]')!;
    const aging: Record<string, number> = {};
    for (const bar of card.querySelectorAll('[data-testid="aging-bar"]')) aging[bar.getAttribute('data-bucket')!] = Number(bar.getAttribute('data-amount'));
    const total = card.querySelector('[data-testid="corporate-total"]');
    return {
      currency: card.getAttribute('data-currency')!,
      count: Number(card.querySelector('[data-testid="corporate-count"]')?.getAttribute('data-value')),
      total: Number(total?.getAttribute('data-amount')),
      balance: Number(card.querySelector('[data-testid="corporate-balance"]')?.getAttribute('data-amount')),
      aging,
      missingRate: Number(document.querySelector('[data-testid="missing-rate-notice"]')?.getAttribute('data-count') ?? 0),
      totalText: total?.textContent ?? '',
    };
  });
}

/**
 * `search` typed (one input event, as a paste) and Export CSV clicked in the same task — no frame in between, so whatever
 * follows the search box (the cards; above a million invoices the rows too) is still the previous search's. Returns the
 * `aria-busy` of `watched` (a selector) at the click: the test's proof that it asked while that part was behind.
 */
export async function exportCsvRightAfterTyping(page: Page, search: string, watched: string): Promise<string | null> {
  return page.evaluate(
    async ({ search, watched }) => {
      const input = document.getElementById('invoice-search') as HTMLInputElement;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, search);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await Promise.resolve();
      (document.querySelector('[data-testid="export-menu"]') as HTMLElement).click();
      for (let i = 0; i < 10 && !document.querySelector('[data-testid="export-csv"]'); i++) await Promise.resolve();
      const busy = document.querySelector(watched)!.getAttribute('aria-busy');
      (document.querySelector('[data-testid="export-csv"]') as HTMLElement).click();
      return busy;
    },
    { search, watched },
  );
}
