import { useEffect, useState, type RefObject } from 'react';

/**
 * The element's inner width (clientWidth, without a scroll bar) in rem of the page, kept current; null until measured,
 * and while `enabled` is false (nothing is measured or observed then: a measure forces a layout).
 */
export function useElementWidthRem(ref: RefObject<HTMLElement | null>, enabled = true): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || !enabled) return undefined;
    const measure = () => {
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      setWidth(element.clientWidth / rem);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, enabled]);
  return enabled ? width : null;
}
