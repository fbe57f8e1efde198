import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { LOADING } from '../../../renderer/src/api/invoice-list-loader';
import { LocaleContext } from '../../../renderer/src/i18n/locale-context';
import { agingOfCurrency } from '../../../renderer/src/invoices/aging';
import { CollectionLine } from '../../../renderer/src/receivables/CollectionLine';
import { AgingBars } from '../../../renderer/src/workspace/AgingBars';
import { CardFigures } from '../../../renderer/src/workspace/CardFigures';
import { TotalsPending } from '../../../renderer/src/workspace/ListLoadNotes';
import { launchChromium } from '../../support/chromium';

/**
 * The summary dims while its figures lag behind the grid's rows (summary-busy.css, `aria-busy` on the section) — and
 * only then. The totals' placeholder of the first load is a `.summary` marked busy as well (ListLoadNotes.tsx), for as
 * long as the load takes: dimmed with the lagging cards (53812ba, 8b249a1), its muted line fell to ~2.5:1 in the light
 * theme and ~3.6:1 in the dark one, under the 4.5:1 WCAG asks of text. The lagging cards' own small words (the totals'
 * labels, what was left out, DSO and days to pay, the aging bars) fell under it the same way at opacity 0.6 (reviewK):
 * the cue is now a line above the lagging section that leaves its text as it is. The app's own stylesheets and the
 * placeholder and the cards' parts as React renders them, in Chromium (no build of the app needed).
 */
const stylesheet = (path: string) => readFileSync(new URL(`../../../renderer/src/${path}`, import.meta.url), 'utf8');
const css = ['styles/theme.css', 'styles/currency-summary.css', 'receivables/receivables.css', 'workspace/summary-busy.css'].map(stylesheet).join('\n');
const i18n = createI18n('en');
const placeholder = renderToStaticMarkup(
  createElement(
    I18nextProvider,
    { i18n },
    createElement(TotalsPending, { list: { ...LOADING, progress: { loaded: 2_000, total: 100_000 }, retry: () => undefined } }),
  ),
);
const markup = (...children: ReturnType<typeof createElement>[]) =>
  renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(LocaleContext.Provider, { value: 'en-US' }, ...children)));
const aging = (currency: string) => {
  const empty = agingOfCurrency([], currency);
  return { ...empty, buckets: empty.buckets.map((bucket, k) => ({ ...bucket, count: 3 + k, balance: 1_234.5 * (k + 1) })) };
};
/** A per-currency card's parts as CurrencySummary puts them together (its left-out line as LeftOut writes it). */
const currencyCard = markup(
  createElement(
    'article',
    { className: 'currency-card', 'data-testid': 'currency-card' },
    createElement(CardFigures, { title: 'EUR', currency: 'EUR', count: 1_234, total: 98_765.43, balance: 4_321.09, testIdPrefix: 'currency' }),
    createElement('ul', { className: 'left-out' }, createElement('li', null, '12 drafts not counted: €1,234.00')),
    createElement(CollectionLine, { currency: 'EUR', figures: { dso: 42.3, averageDaysToPay: 31.2, receivables: 4_321.09, sales: 98_765.43 }, asOfLabel: 'Dec 6, 2026' }),
    createElement(AgingBars, { aging: aging('EUR'), selected: null, onPick: () => undefined }),
  ),
);
/** The corporate card's parts as CorporateCard puts them together. */
const corporateCard = markup(
  createElement(
    'article',
    { className: 'currency-card corporate-card' },
    createElement(CardFigures, { title: 'All in EUR', currency: 'EUR', count: 2_345, total: 198_765.43, balance: 14_321.09, testIdPrefix: 'corporate' }),
    createElement(AgingBars, { aging: aging('EUR'), selected: null, onPick: () => undefined }),
  ),
);
/** The summary while its figures lag (aria-busy, as CurrencySummary and CorporateCard mark it), and one that is current. */
const lagging = `<section class="summary" aria-busy="true" data-testid="summary">${currencyCard}</section>
<section class="summary corporate-summary" aria-busy="true" data-testid="corporate-summary">${corporateCard}</section>
<section class="summary" data-testid="summary-current">${currencyCard}</section>`;

describe('the summary says it lags, readably, and not while the first load brings the invoices', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    // A page of its own context: axe opens a second page in it to finish its run.
    page = await (await browser.newContext()).newPage();
    await page.setContent(`<!doctype html><html lang="en"><head><style>${css}</style></head><body><main>${placeholder}${lagging}</main></body></html>`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const opacityOf = (testId: string) => page.getByTestId(testId).evaluate((element) => getComputedStyle(element).opacity);

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`keeps the placeholder's words readable in the ${colorScheme} theme`, async () => {
      await page.emulateMedia({ colorScheme });
      expect(await page.getByTestId('summary-loading').textContent()).toContain('appear when all 100,000 invoices are loaded');
      expect(await page.getByTestId('summary-loading').getAttribute('aria-busy')).toBe('true');
      expect(await opacityOf('summary-loading')).toBe('1');
      const results = await new AxeBuilder({ page }).include('[data-testid="summary-loading"]').withRules(['color-contrast']).analyze();
      expect(results.violations.map((v) => v.nodes.map((n) => n.failureSummary).join(' | '))).toEqual([]);
    });
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`keeps the lagging cards' words readable in the ${colorScheme} theme (4.5:1)`, async () => {
      await page.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page }).include('[data-testid="summary"]').include('[data-testid="corporate-summary"]').withRules(['color-contrast']).analyze();
      expect(results.violations.map((v) => v.nodes.map((n) => n.failureSummary).join(' | '))).toEqual([]);
      // The checks saw the cards' small text, not an empty section.
      expect(results.passes.flatMap((v) => v.nodes).length).toBeGreaterThan(20);
    });
  }

  it('still marks the lagging summaries, with a line above them, and their text as it is', async () => {
    const lineOf = (testId: string) => page.getByTestId(testId).evaluate((element) => getComputedStyle(element).boxShadow);
    for (const testId of ['summary', 'corporate-summary']) {
      expect(await opacityOf(testId), testId).toBe('1');
      expect(await lineOf(testId), testId).toMatch(/^rgb\(.+\) 0px -3px 0px 0px$/);
    }
    expect(await lineOf('summary-current')).toBe('none');
  });
});
