import type { ColumnWidths } from '../../../electron/contract/column-widths';
import { MAX_COLUMN_REM, MIN_COLUMN_REM, type GridColumnId } from '../../../electron/contract/saved-view-limits';

/** One Alt+← / Alt+→ press: half a rem (8 px at the default size). */
export const RESIZE_STEP_REM = 0.5;

/** A width the user chose, kept to a quarter rem within the range a view may hold (saved-view-limits). */
export function clampRem(rem: number): number {
  if (!Number.isFinite(rem)) return MIN_COLUMN_REM;
  return Math.min(MAX_COLUMN_REM, Math.max(MIN_COLUMN_REM, Math.round(rem * 4) / 4));
}

/** The widths with one column set (a number) or given back to the grid's own width (null). */
export function withWidth(widths: ColumnWidths | undefined, column: string, rem: number | null): ColumnWidths {
  const next: ColumnWidths = { ...widths };
  if (rem === null) delete next[column as GridColumnId];
  else next[column as GridColumnId] = clampRem(rem);
  return next;
}

/** The grid's tracks with the user's widths in place of its own (a set width is fixed: the column no longer stretches). */
export function applyUserWidths<K extends string>(tracks: Record<K, string>, user: ColumnWidths | undefined): Record<K, string> {
  if (!user) return tracks;
  const out = { ...tracks };
  for (const [column, rem] of Object.entries(user) as [K, number | undefined][]) if (rem !== undefined) out[column] = `${rem}rem`;
  return out;
}

/** The widths as a string (what the header re-renders on). */
export function widthsKey(widths: ColumnWidths | undefined): string {
  return widths ? Object.entries(widths).map(([column, rem]) => `${column}=${rem}`).join(',') : '';
}
