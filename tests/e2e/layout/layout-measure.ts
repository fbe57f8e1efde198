import type { Page } from 'playwright-core';

/** What a user sees of the workspace at one window size, measured from the laid-out page. */
export interface LayoutFacts {
  /** Rows of the grid whose whole box is inside the grid's visible area (below its header) and the window. */
  visibleRows: number;
  /** aria-rowindex of those rows. */
  visibleRowIndexes: number[];
  topBar: {
    height: number;
    scrollWidth: number;
    clientWidth: number;
    /** Texts in the top bar that take more than one line. */
    wrapped: string[];
    /** Texts cut with an ellipsis that say nothing more in a tooltip. */
    cutWithoutTooltip: string[];
  };
  /** cardHeights: each currency's card (or line); amountsCut: totals and balances reaching past their card's edge. */
  summary: { compact: boolean; cardHeights: number[]; agingShown: boolean; amountsCut: string[] } | null;
}

export function measureLayout(page: Page): Promise<LayoutFacts> {
  // No named helpers inside: tsx/esbuild would wrap them in a `__name` call the page does not have.
  return page.evaluate(() => {
    const grid = document.querySelector<HTMLElement>('[data-testid="invoice-grid"]')!;
    const box = grid.getBoundingClientRect();
    const head = grid.querySelector('.grid-head')!.getBoundingClientRect();
    const viewTop = head.bottom;
    const viewBottom = Math.min(box.top + grid.clientTop + grid.clientHeight, innerHeight);
    const rows = [...grid.querySelectorAll<HTMLElement>('.grid-body [role="row"]')].filter((row) => {
      const r = row.getBoundingClientRect();
      return r.top >= viewTop - 0.5 && r.bottom <= viewBottom + 0.5;
    });
    const bar = document.querySelector<HTMLElement>('.topbar')!;
    const wrapped: string[] = [];
    const cutWithoutTooltip: string[] = [];
    const walker = document.createTreeWalker(bar, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement!;
      if (!text || parent.closest('.visually-hidden, .popover')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size > 1) wrapped.push(text);
      const cut = parent.scrollWidth > parent.clientWidth + 1 && getComputedStyle(parent).textOverflow === 'ellipsis';
      if (cut && !(parent.closest('[title]')?.getAttribute('title') ?? '').includes(text)) cutWithoutTooltip.push(text);
    }
    const summary = document.querySelector<HTMLElement>('[data-testid="summary"]');
    const cards = summary ? [...summary.querySelectorAll<HTMLElement>('[data-testid="currency-card"]')] : [];
    return {
      visibleRows: rows.length,
      visibleRowIndexes: rows.map((row) => Number(row.getAttribute('aria-rowindex'))),
      topBar: { height: bar.getBoundingClientRect().height, scrollWidth: bar.scrollWidth, clientWidth: bar.clientWidth, wrapped, cutWithoutTooltip },
      summary: summary
        ? {
            compact: summary.dataset.compact === 'true',
            cardHeights: cards.map((card) => card.getBoundingClientRect().height),
            agingShown: cards.every((card) => (card.querySelector<HTMLElement>('[data-testid="aging"]')?.getBoundingClientRect().height ?? 0) > 0),
            amountsCut: cards.flatMap((card) =>
              [...card.querySelectorAll<HTMLElement>('.totals dd')]
                .filter((dd) => dd.getBoundingClientRect().right > card.getBoundingClientRect().right - 1)
                .map((dd) => `${card.dataset.currency}: ${dd.textContent} ends at ${Math.round(dd.getBoundingClientRect().right)}, its card at ${Math.round(card.getBoundingClientRect().right)}`),
            ),
          }
        : null,
    };
  });
}

/** The full currency cards as laid out: rows of cards, where their figures sit, aging words cut inside, bar colours. */
export interface CardFacts {
  currency: string;
  top: number;
  height: number;
  /** Offsets within the card of the balance and of the aging bars' baseline. */
  balanceAt: { x: number; y: number };
  agingAt: number;
  /** Aging values and labels broken inside a word, or wider than their bar. */
  brokenWords: string[];
  /** Each bar's colour and the card's background (computed). */
  fills: { bucket: string; colour: string }[];
  background: string;
}

export function measureCards(page: Page): Promise<CardFacts[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="currency-card"]')].map((card) => {
      const c = card.getBoundingClientRect();
      const balance = card.querySelector('[data-testid="currency-balance"]')!.getBoundingClientRect();
      const aging = card.querySelector('[data-bucket="61-90"] .aging-track')!.getBoundingClientRect();
      const brokenWords: string[] = [];
      for (const part of card.querySelectorAll<HTMLElement>('.aging-value, .aging-label')) {
        const bar = part.closest('.aging-bar')!.getBoundingClientRect();
        if (part.getBoundingClientRect().width > bar.width + 1) brokenWords.push(`${part.textContent} wider than its bar`);
        const node = part.firstChild;
        if (!node || node.nodeType !== Node.TEXT_NODE) continue;
        const text = node.textContent ?? '';
        // Words are what lies between ordinary spaces (a no-break space holds "€" to its number).
        let start = 0;
        for (const word of text.split(' ')) {
          const range = document.createRange();
          range.setStart(node, start);
          range.setEnd(node, start + word.length);
          start += word.length + 1;
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) brokenWords.push(`"${word}" of "${text}"`);
        }
      }
      return {
        currency: card.dataset.currency!,
        top: c.top,
        height: c.height,
        balanceAt: { x: balance.left - c.left, y: balance.top - c.top },
        agingAt: aging.bottom - c.top,
        brokenWords,
        fills: [...card.querySelectorAll<HTMLElement>('[data-testid="aging-bar"]')].map((bar) => ({
          bucket: bar.dataset.bucket!,
          colour: getComputedStyle(bar.querySelector('.aging-fill')!).backgroundColor,
        })),
        background: getComputedStyle(card).backgroundColor,
      };
    }),
  );
}
