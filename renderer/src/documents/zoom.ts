/** How the page is sized: to the viewer's width, or at a scale the user chose (1 = 100 %, 72 dpi PDF points to CSS px). */
export type Zoom = { kind: 'fitWidth' } | { kind: 'scale'; scale: number };

export const FIT_WIDTH: Zoom = { kind: 'fitWidth' };
/** The steps + and − go through. */
export const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4] as const;

/** The scale a zoom means for a page `pageWidth` points wide shown in `available` CSS pixels. */
export function scaleOf(zoom: Zoom, pageWidth: number, available: number): number {
  if (zoom.kind === 'scale') return zoom.scale;
  if (pageWidth <= 0 || available <= 0) return 1;
  return clamp(available / pageWidth);
}

/** One step larger (+1) or smaller (−1) than the scale shown now; fit width counts as the scale it gives. */
export function stepZoom(current: number, direction: 1 | -1): Zoom {
  const next = direction === 1 ? ZOOM_STEPS.find((s) => s > current + 0.005) : [...ZOOM_STEPS].reverse().find((s) => s < current - 0.005);
  return { kind: 'scale', scale: next ?? (direction === 1 ? ZOOM_STEPS.at(-1)! : ZOOM_STEPS[0]) };
}

function clamp(scale: number): number {
  return Math.min(ZOOM_STEPS.at(-1)!, Math.max(ZOOM_STEPS[0], scale));
}

/** The page after a navigation key or button, kept within 1…count. */
export function pageAfter(page: number, count: number, move: 'next' | 'previous' | 'first' | 'last'): number {
  if (count < 1) return 1;
  const target = { next: page + 1, previous: page - 1, first: 1, last: count }[move];
  return Math.min(count, Math.max(1, target));
}
