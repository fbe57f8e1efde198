import type { Page } from 'playwright-core';

/** Every aging value of every card: its text, whether it is cut off, and whether it runs into its neighbour. */
export function agingValues(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="aging"]')].map((aging) => {
      const values = [...aging.querySelectorAll<HTMLElement>('.aging-value')];
      const labels = [...aging.querySelectorAll<HTMLElement>('.aging-label')];
      const overlaps = (els: HTMLElement[]) => {
        const boxes = els.map((v) => v.getBoundingClientRect());
        return boxes.slice(1).filter((box, i) => box.left < boxes[i]!.right - 0.5).length;
      };
      return {
        texts: values.map((v) => v.textContent ?? ''),
        labels: labels.map((v) => v.textContent ?? ''),
        clipped: [...values, ...labels].filter((v) => v.scrollWidth > v.clientWidth + 1).length,
        collisions: overlaps(values) + overlaps(labels),
      };
    }),
  );
}

/** Column headers on screen whose text is cut off (wider than the button that shows it). */
export function clippedHeaders(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[role="columnheader"] .sort-button')]
      .filter((button) => button.scrollWidth > button.clientWidth + 1)
      .map((button) => button.textContent),
  );
}

/** Text cut off inside `selector`: elements whose words are wider than their box (text kept for screen readers only is meant to be). */
export function clippedIn(page: Page, selector: string) {
  return page.evaluate(
    (sel) =>
      [...document.querySelectorAll<HTMLElement>(`${sel} :is(h2, h3, dt, dd, th, button, p, span, label)`)]
                .filter((el) => !el.classList.contains('visually-hidden'))
        .filter((el) => el.offsetParent !== null && getComputedStyle(el).overflow !== 'visible' && el.scrollWidth > el.clientWidth + 1)
        .map((el) => el.textContent),
    selector,
  );
}

/** Empty inputs on screen whose placeholder is wider than the room inside them (measured in the input's own font). */
export function placeholdersCutOff(page: Page) {
  return page.evaluate(() => {
    const context = document.createElement('canvas').getContext('2d')!;
    return [...document.querySelectorAll<HTMLInputElement>('input[placeholder]')]
      .filter((input) => input.offsetParent !== null && input.value === '')
      .filter((input) => {
        const style = getComputedStyle(input);
        // Not `style.font`: the shorthand reads "" when a longhand it cannot express is set (the date fields'
        // tabular-nums), and an empty font leaves the canvas on the previous input's font or its 10px default.
        context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return context.measureText(input.placeholder).width > room + 1;
      })
      .map((input) => input.placeholder);
  });
}
