/**
 * Issue #19 (cold start): the window's first module is an `async` module script (renderer/index.html), so it runs — and
 * asks for the first rows — as soon as it has arrived, not after the page's stylesheets as a deferred module would (the
 * bench's traces had it wait 6–40 ms for them). Nothing may be rendered or measured before then (the grid's header widths
 * read the page's font): the first render waits for this. Resolves once the HTML is parsed and every stylesheet it links
 * has loaded or failed, or after `capMs` at most (a stylesheet that never answers: the page shows as it can, as before).
 */
export function pageReady(capMs: number): Promise<void> {
  const parsed = document.readyState === 'loading' ? new Promise<void>((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true })) : Promise.resolve();
  const ready = parsed.then(() => Promise.all(Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]'), sheetDone))).then(() => undefined);
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, capMs);
    void ready.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** The link's sheet is in (or its load is over: a failed one has no sheet but a resource timing entry), else its load or error. */
function sheetDone(link: HTMLLinkElement): Promise<void> {
  if (link.sheet || performance.getEntriesByName(link.href).length > 0) return Promise.resolve();
  return new Promise((resolve) => {
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => resolve(), { once: true });
  });
}
