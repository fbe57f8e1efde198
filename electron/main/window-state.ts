import type { Rectangle } from 'electron';

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

export const defaultWindowState: WindowState = { bounds: { x: 0, y: 0, width: 1280, height: 820 }, maximized: false };

/**
 * The window geometry to restore: the saved one when it is still (mostly) on one of the
 * current displays, else the default size centred by the OS. Pure, so it is unit-tested.
 */
export function restoreWindowState(saved: unknown, displays: Rectangle[]): { bounds: Partial<Rectangle>; maximized: boolean } {
  const state = parse(saved);
  if (!state) return { bounds: { width: defaultWindowState.bounds.width, height: defaultWindowState.bounds.height }, maximized: false };
  const visible = displays.some((area) => overlap(area, state.bounds) >= 0.5 * state.bounds.width * state.bounds.height);
  if (!visible) return { bounds: { width: state.bounds.width, height: state.bounds.height }, maximized: state.maximized };
  return { bounds: state.bounds, maximized: state.maximized };
}

function parse(value: unknown): WindowState | null {
  if (!value || typeof value !== 'object') return null;
  const { bounds, maximized } = value as Partial<WindowState>;
  if (!bounds || ![bounds.x, bounds.y, bounds.width, bounds.height].every((n) => Number.isFinite(n))) return null;
  if (bounds.width < 400 || bounds.height < 300 || bounds.width > 20000 || bounds.height > 20000) return null;
  return { bounds: { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height }, maximized: maximized === true };
}

function overlap(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}
