import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { LOADING } from '../../../renderer/src/api/invoice-list-loader';
import { TotalsPending } from '../../../renderer/src/workspace/ListLoadNotes';
import { launchChromium } from '../../support/chromium';

/**
 * The summary dims while its figures lag behind the grid's rows (summary-busy.css, `aria-busy` on the section) — and
 * only then. The totals' placeholder of the first load is a `.summary` marked busy as well (ListLoadNotes.tsx), for as
 * long as the load takes: dimmed with the lagging cards (53812ba, 8b249a1), its muted line fell to ~2.5:1 in the light
 * theme and ~3.6:1 in the dark one, under the 4.5:1 WCAG asks of text. The app's own stylesheets and the placeholder
 * as React renders it, in Chromium (no build of the app needed).
 */
const stylesheet = (path: string) => readFileSync(new URL(`../../../renderer/src/${path}`, import.meta.url), 'utf8');
const css = ['styles/theme.css', 'styles/currency-summary.css', 'workspace/summary-busy.css'].map(stylesheet).join('\n');
const placeholder = renderToStaticMarkup(
  createElement(
    I18nextProvider,
    { i18n: createI18n('en') },
    createElement(TotalsPending, { list: { ...LOADING, progress: { loaded: 2_000, total: 100_000 }, retry: () => undefined } }),
  ),
);
/** The summary as CurrencySummary renders it while its figures lag (and the corporate card's section). */
const lagging = `<section class="summary" aria-busy="true" data-testid="summary"><article class="currency-card">EUR</article></section>
<section class="summary corporate-summary" aria-busy="true" data-testid="corporate-summary"><p class="hint">All</p></section>`;

describe('the summary dims while it lags, not while the first load brings the invoices', () => {
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

  it('still dims the lagging summaries', async () => {
    expect(await opacityOf('summary')).toBe('0.6');
    expect(await opacityOf('corporate-summary')).toBe('0.6');
  });
});
