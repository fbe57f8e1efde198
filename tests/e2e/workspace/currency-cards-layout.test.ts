import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poll, startWorkspace, type WorkspaceFixture } from './workspace-fixture';

/**
 * The per-currency total cards beside the open detail panel, at a typical laptop window (1,280 × 800, where they
 * are opened with "Show aging") with the local org's four currencies: every card lies inside its area (they wrap onto another row instead of
 * running off the edge), nothing in a card is cut off, every card is reachable with Tab, in light and dark.
 */
let w: WorkspaceFixture;
const CURRENCIES = ['EUR', 'GBP', 'JPY', 'USD'];

beforeAll(async () => {
  w = await startWorkspace({ org: { invoices: 300, multiCurrency: true }, connect: true, harness: { viewport: { width: 1280, height: 800 } } });
});
afterAll(async () => w?.close());

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The summary area, each card in it and what spills out of a card, as the page lays them out now. */
function measure(page: Page) {
  return page.getByTestId('summary').evaluate((summary) => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    const cards = [...summary.querySelectorAll<HTMLElement>('[data-testid="currency-card"]')];
    return {
      summary: box(summary),
      main: box(summary.closest('main')!),
      scrollsSideways: summary.scrollWidth > summary.clientWidth + 1,
      cards: cards.map((card) => ({
        currency: card.dataset.currency!,
        box: box(card),
        background: getComputedStyle(card).backgroundColor,
        // Anything inside the card (an amount, an aging bar) reaching past its edges.
        spilling: [...card.querySelectorAll('*')].filter((el) => {
          const r = el.getBoundingClientRect();
          const c = card.getBoundingClientRect();
          return r.width > 0 && (r.left < c.left - 1 || r.right > c.right + 1 || r.bottom > c.bottom + 1);
        }).length,
      })),
    };
  });
}

const inside = (inner: Box, outer: Box) =>
  inner.left >= outer.left - 1 && inner.right <= outer.right + 1 && inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1;

async function expectCardsInside(page: Page) {
  const m = await measure(page);
  expect(m.cards.map((card) => card.currency)).toEqual(CURRENCIES);
  expect(inside(m.summary, m.main)).toBe(true);
  expect(m.scrollsSideways).toBe(false);
  for (const card of m.cards) {
    expect(inside(card.box, m.summary), `${card.currency} card inside the totals area`).toBe(true);
    expect(card.spilling, `${card.currency} card content cut off`).toBe(0);
  }
  return m;
}

describe('currency cards beside the open detail panel', () => {
  it('stay inside their area in light and dark mode, wrapping onto another row, and each is reachable with Tab', async () => {
    const { page } = w;
    // A window under 900 px high shows one line per currency until the user opens the full cards (layout engineer, #23).
    await page.getByTestId('summary-toggle').click();
    await poll(() => page.getByTestId('summary').getAttribute('data-compact')).toBe('false');
    // Without the panel, the four cards share one row.
    const wide = await expectCardsInside(page);
    expect(new Set(wide.cards.map((card) => Math.round(card.box.top))).size).toBe(1);

    await w.page.getByTestId('invoice-grid').locator('.grid-body [role="row"]').first().click();
    await page.getByTestId('detail-panel').waitFor();
    await poll(async () => (await measure(page)).summary.right).toBeLessThan((await page.getByTestId('detail-panel').boundingBox())!.x + 1);
    const light = await expectCardsInside(page);
    expect(new Set(light.cards.map((card) => Math.round(card.box.top))).size).toBeGreaterThan(1);
    await w.harness.screenshot('currency-cards-beside-detail-light');

    // Tab from the search box walks through every card's aging bars; each focused bar is on screen, in its card.
    await page.getByRole('searchbox').first().focus();
    const reached = new Set<string>();
    for (let presses = 0; presses < 60 && reached.size < CURRENCIES.length; presses++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const card = el?.closest<HTMLElement>('[data-testid="currency-card"]');
        if (!el || !card) return null;
        const r = el.getBoundingClientRect();
        const c = card.getBoundingClientRect();
        const onScreen = r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
        return { currency: card.dataset.currency!, onScreen, inCard: r.left >= c.left - 1 && r.right <= c.right + 1 };
      });
      if (!focused) continue;
      expect(focused, `focused aging bar of ${focused.currency}`).toMatchObject({ onScreen: true, inCard: true });
      reached.add(focused.currency);
    }
    expect([...reached].sort()).toEqual(CURRENCIES);

    await page.emulateMedia({ colorScheme: 'dark' });
    await poll(async () => (await measure(page)).cards[0]!.background).not.toBe(light.cards[0]!.background);
    await expectCardsInside(page);
    await w.harness.screenshot('currency-cards-beside-detail-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
