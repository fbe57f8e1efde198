import { createElement, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { useRowWindow } from '../../../renderer/src/workspace/use-row-window';

/** What row-window.test.ts drives on the page (`window.rowWindow`). */
export interface RowWindowPage {
  /** The rows' count, rendered at once (a sync or a filter changed the list). */
  setCount(count: number): void;
  scrollToRow(index: number): void;
}

/**
 * The grid's row window on its own, as InvoiceTable renders it (the same elements, classes and the app's grid.css),
 * over `window.rowCount` rows whose cells say their index: bundled by row-window.test.ts and run in Chromium.
 */
function Rows() {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const [count, setCount] = useState(() => (window as unknown as { rowCount: number }).rowCount);
  const { window: slice, scrollToRow, bodyHeight, windowTop } = useRowWindow(scrollRef, count, 4);
  useLayoutEffect(() => {
    (window as unknown as { rowWindow: RowWindowPage }).rowWindow = { setCount: (next) => flushSync(() => setCount(next)), scrollToRow };
  }, [scrollToRow]);
  const rows: ReactNode[] = [];
  for (let slot = slice.first; slot < slice.end; slot++) {
    rows.push(createElement('div', { key: slot - slice.first, role: 'row', className: 'grid-row', 'aria-rowindex': slot + 2 }, createElement('div', { role: 'gridcell' }, String(slot))));
  }
  const head = createElement('div', { role: 'rowgroup', className: 'grid-head' }, createElement('div', { role: 'row', className: 'grid-row', 'aria-rowindex': 1 }, createElement('div', { role: 'columnheader' }, 'Row')));
  const body = createElement('div', { role: 'rowgroup', className: 'grid-body', style: { height: bodyHeight } }, createElement('div', { className: 'grid-window', style: { transform: `translateY(${windowTop}px)` } }, rows));
  const style = { '--grid-columns': '1fr' } as CSSProperties;
  return createElement('div', { className: 'grid-frame' }, createElement('div', { ref: scrollRef, className: 'grid', role: 'grid', 'aria-rowcount': count + 1, style }, head, body));
}

createRoot(document.getElementById('root')!).render(createElement(Rows));
