import { describe, expect, it } from 'vitest';
import { FIT_WIDTH, pageAfter, scaleOf, stepZoom, ZOOM_STEPS } from '../../../renderer/src/documents/zoom';

describe('the PDF viewer: zoom and page navigation', () => {
  it('fit width gives the scale at which the page fills the room, within the zoom range', () => {
    expect(scaleOf(FIT_WIDTH, 595, 893)).toBeCloseTo(893 / 595, 6); // A4 in a ~900 px viewer: 150 %
    expect(scaleOf(FIT_WIDTH, 595, 100)).toBe(0.5); // a tiny window: not smaller than the smallest step
    expect(scaleOf(FIT_WIDTH, 100, 10_000)).toBe(4);
    expect(scaleOf(FIT_WIDTH, 0, 800)).toBe(1); // not measured yet
    expect(scaleOf({ kind: 'scale', scale: 1.25 }, 595, 893)).toBe(1.25);
  });

  it('+ and − go to the next step from the scale shown, fit width included, and stop at the ends', () => {
    expect(stepZoom(1, 1)).toEqual({ kind: 'scale', scale: 1.1 });
    expect(stepZoom(1, -1)).toEqual({ kind: 'scale', scale: 0.9 });
    expect(stepZoom(1.37, 1)).toEqual({ kind: 'scale', scale: 1.5 }); // from fit width between steps
    expect(stepZoom(1.37, -1)).toEqual({ kind: 'scale', scale: 1.25 });
    expect(stepZoom(1.251, 1)).toEqual({ kind: 'scale', scale: 1.5 }); // a hair above a step is that step
    expect(stepZoom(4, 1)).toEqual({ kind: 'scale', scale: 4 });
    expect(stepZoom(0.5, -1)).toEqual({ kind: 'scale', scale: 0.5 });
    expect([...ZOOM_STEPS]).toEqual([...ZOOM_STEPS].sort((a, b) => a - b));
  });

  it('Page Down / Page Up / Home / End stay within the document', () => {
    expect(pageAfter(1, 3, 'next')).toBe(2);
    expect(pageAfter(3, 3, 'next')).toBe(3);
    expect(pageAfter(1, 3, 'previous')).toBe(1);
    expect(pageAfter(2, 3, 'first')).toBe(1);
    expect(pageAfter(1, 3, 'last')).toBe(3);
    expect(pageAfter(1, 0, 'next')).toBe(1);
  });
});
