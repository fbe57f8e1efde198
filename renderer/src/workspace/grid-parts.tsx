import { flexRender, type SortingState, type Table } from '@tanstack/react-table';
import { memo, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceListRow } from '../../../electron/contract';
import type { GridColumn } from './invoice-columns';
import { altKeyLabel } from '../lib/shortcut-keys';
import { clampRem, RESIZE_STEP_REM } from './column-widths';

/** A column's width changed: a number (rem) while dragging (`done` false) and when set, null for the grid's own width. */
export type OnResize = (column: string, rem: number | null, done: boolean) => void;

interface HeaderProps {
  table: Table<InvoiceListRow>;
  /** Ids of the columns on screen, comma-separated (a string, so an unchanged set skips this render). */
  shown: string;
  /** The sort state and the column definitions: inputs that the table object's identity does not change with. */
  sorting: SortingState;
  definitions: unknown;
  /** The user's widths as a string: the header follows them (its cells' widths are the grid's tracks). */
  widths: string;
  onResize?: OnResize;
}

const rootPx = () => parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
/** A header cell's width on screen, in rem. */
const remOfCell = (cell: Element) => cell.getBoundingClientRect().width / rootPx();

/** Alt+← / Alt+→ on a column's header: half a rem narrower or wider, kept. */
function onHeaderKeyDown(event: KeyboardEvent<HTMLButtonElement>, column: string, onResize: OnResize) {
  if (!event.altKey || event.ctrlKey || event.metaKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
  event.preventDefault();
  const cell = event.currentTarget.closest('[role="columnheader"]');
  if (!cell) return;
  onResize(column, clampRem(remOfCell(cell) + (event.key === 'ArrowRight' ? RESIZE_STEP_REM : -RESIZE_STEP_REM)), true);
}

/** Dragging a header's right edge: the width follows the pointer, and is kept when the button is let go. */
function onEdgePointerDown(event: PointerEvent<HTMLSpanElement>, column: string, onResize: OnResize) {
  if (event.button !== 0) return;
  const edge = event.currentTarget;
  const cell = edge.closest('[role="columnheader"]');
  if (!cell) return;
  event.preventDefault();
  event.stopPropagation();
  const start = remOfCell(cell);
  const x0 = event.clientX;
  const px = rootPx();
  const at = (x: number) => clampRem(start + (x - x0) / px);
  edge.setPointerCapture(event.pointerId);
  const move = (e: globalThis.PointerEvent) => onResize(column, at(e.clientX), false);
  const end = (e: globalThis.PointerEvent) => {
    edge.removeEventListener('pointermove', move);
    edge.removeEventListener('pointerup', end);
    edge.removeEventListener('pointercancel', end);
    onResize(column, at(e.clientX), true);
  };
  edge.addEventListener('pointermove', move);
  edge.addEventListener('pointerup', end);
  edge.addEventListener('pointercancel', end);
}

/** The header row: one sort button per column on screen, with aria-sort on the sorted one. Not rendered again while scrolling. */
export const GridHeader = memo(function GridHeader({ table, shown, onResize }: HeaderProps) {
  const { t } = useTranslation('columns');
  const keys = `${altKeyLabel('←')} / ${altKeyLabel('→')}`;
  const onScreen = new Set(shown.split(','));
  const headers = table.getHeaderGroups()[0]!.headers.filter((header) => onScreen.has(header.column.id));
  return (
    <div role="row" aria-rowindex={1} className="grid-row">
      {headers.map((header) => {
        const info = header.column.columnDef.meta as GridColumn;
        const sorted = header.column.getIsSorted();
        return (
          <div
            key={header.id}
            role="columnheader"
            aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
            className={info.numeric ? 'num' : undefined}
            data-column={header.id}
          >
            <button
              type="button"
              className="sort-button"
              onClick={header.column.getToggleSortingHandler()}
              onKeyDown={onResize && ((event) => onHeaderKeyDown(event, header.id, onResize))}
              aria-keyshortcuts={onResize ? 'Alt+ArrowLeft Alt+ArrowRight' : undefined}
              // The keyboard's way to resize is said where the keyboard is (the edge's tooltip is the mouse's).
              title={onResize ? t('sortByOrResize', { column: info.label, keys }) : t('sortBy', { column: info.label })}
            >
              {flexRender(header.column.columnDef.header, header.getContext())}
              <span className="sort-mark" aria-hidden="true">
                {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
              </span>
            </button>
            {/* The edge to drag (the keyboard's way is Alt+←/→ on the header); a double-click gives the column its own width back. */}
            {onResize && (
              <span
                className="column-resizer"
                aria-hidden="true"
                title={t('resizeColumn', { keys })}
                onPointerDown={(event) => onEdgePointerDown(event, header.id, onResize)}
                onDoubleClick={() => onResize(header.id, null, true)}
                data-testid="column-resizer"
              />
            )}
          </div>
        );
      })}
    </div>
  );
});

/** Columns holding names, which the grid cuts off with an ellipsis when they do not fit. */
const NAMED = new Set(['customer', 'number', 'status']);

interface RowProps {
  row: InvoiceListRow;
  /** Place in the grid's rows (0 = first under the header; customers' headers count when grouped). */
  slot: number;
  columns: readonly GridColumn[];
  /** Prefix of the rows' DOM ids (the grid's aria-activedescendant points at one). */
  idPrefix: string;
  active: boolean;
  open: boolean;
  changed: boolean;
}

/**
 * One data row. The grid keys rows by their slot in the rendered window, not by invoice: a scroll
 * re-fills the same elements with other invoices (text and attributes change; no element is created,
 * moved or dropped), and a slot whose invoice did not change is not rendered again (memo).
 * Clicks are handled once, on the row group.
 */
export const GridRow = memo(function GridRow({ row, slot, columns, idPrefix, active, open, changed }: RowProps) {
  return (
    <div
      id={idPrefix + row.id}
      role="row"
      aria-rowindex={slot + 2}
      aria-selected={active}
      className={`grid-row${active ? ' active' : ''}${open ? ' open' : ''}${changed ? ' changed' : ''}`}
      data-invoice-id={row.id}
    >
      {columns.map((column) => {
        const text = column.text(row);
        // A name cut off by its column (customer, number, status) shows in full on hover.
        return (
          <div
            key={column.id}
            role="gridcell"
            className={column.numeric ? 'num' : column.muted?.(row) ? 'muted-cell' : undefined}
            data-column={column.id}
            title={column.title ? column.title(row) : NAMED.has(column.id) && text ? text : undefined}
          >
            {column.id === 'customer' && row.customer ? <span className="customer-link">{text}</span> : text}
          </div>
        );
      })}
    </div>
  );
});
