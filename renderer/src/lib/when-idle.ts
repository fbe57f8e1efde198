/** Runs `work` in an idle moment of the page (soon, where the browser has no idle callbacks); the returned function cancels it if it has not run yet. */
export function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => work());
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, 0);
  return () => clearTimeout(id);
}
