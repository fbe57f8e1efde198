import { z } from 'zod';
import { MAX_COLUMN_REM, MIN_COLUMN_REM, gridColumnIds } from './saved-view-limits';

const known = new Set<string>(gridColumnIds);
/** Every own key a column of the grid (a record drops "__proto__" silently: it is refused instead). */
const onlyGridColumns = (value: unknown) => typeof value !== 'object' || value === null || Object.keys(value).every((key) => known.has(key));

/**
 * Column widths the user set, in rem, per column id (a column not named keeps the grid's own width). Kept in
 * Settings (remembered) and in a saved view (#21: "visible columns and widths"); validated like every input:
 * only the grid's columns, finite numbers in MIN_COLUMN_REM…MAX_COLUMN_REM.
 */
export const columnWidthsSchema = z
  .unknown()
  .refine(onlyGridColumns, { message: 'a width is kept only for a column of the grid' })
  .pipe(z.partialRecord(z.enum(gridColumnIds), z.number().finite().min(MIN_COLUMN_REM).max(MAX_COLUMN_REM)));
export type ColumnWidths = z.infer<typeof columnWidthsSchema>;
