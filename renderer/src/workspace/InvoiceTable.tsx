import { flexRender, type Table } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { InvoiceRow } from '../../../electron/contract';
import type { ColumnInfo } from '../invoices/columns';
import { useElementWidthRem } from '../lib/use-element-width';
import { compactColumnWidths, fitColumns } from './column-fit';
import { columnWidths, gridMinWidth, type GridColumn } from './invoice-columns';
import { TuckedColumnsNote } from './TuckedColumnsNote';

const ROW_HEIGHT = 34;
/** Fixed in styles/grid.css (.grid-head); the body starts below it in the same scroll box. */
const HEAD_HEIGHT = 38;

interface Props {
  table: Table<InvoiceRow>;
  /** Indexes into the table's rows, in display order. */
  visible: Uint32Array;
  active: number;
  openId: string | null;
  onActiveChange: (position: number) => void;
  onOpen: (position: number) => void;
  empty: ReactNode;
  gridRef?: React.Ref<HTMLDivElement>;
  /** Ids of rows a sync just changed: briefly highlighted. */
  highlighted?: ReadonlySet<string>;
  /** The detail panel shares the window: narrower columns, and the least important ones tucked away if still too wide. */
  compact?: boolean;
}

/**
 * The invoices grid: every visible row is in `aria-rowcount`, only the rows on screen are in
 * the DOM (each with its `aria-rowindex`). The grid holds focus; the active row is its
 * `aria-activedescendant`. Arrows, Page Up/Down, Home/End move; Enter opens the details.
 */
export function InvoiceTable({ table, visible, active, openId, onActiveChange, onOpen, empty, gridRef, highlighted, compact = false }: Props) {
  const gridId = useId();
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const rows = table.options.meta!.rows;
  const [showAll, setShowAll] = useState(false);
  const availableRem = useElementWidthRem(scrollRef);
  const fitting = compact && !showAll && availableRem !== null;
  const widths = compact ? compactColumnWidths : columnWidths;
  const chosen = table.getVisibleLeafColumns().map((c) => c.id as ColumnInfo['id']);
  const { shown: ids, tucked } = fitting ? fitColumns(chosen, widths, availableRem) : { shown: chosen, tucked: [] };
  const onScreen = new Set<string>(ids);
  const columns = table.getVisibleLeafColumns().filter((c) => onScreen.has(c.id));
  const template = ids.map((id) => widths[id]).join(' ');
  const minWidth = gridMinWidth(ids, widths);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 16,
    scrollMargin: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
  });

  // Follow the active row on keys, filter and sort, but never when a sync replaced the rows (nor when the
  // selection then follows its invoice to a new position): the user's scroll position stays.
  const followed = useRef<{ rows?: unknown; visible?: Uint32Array; id?: string }>({});
  useEffect(() => {
    const id = active >= 0 ? rows[visible[active] ?? -1]?.id : undefined;
    const previous = followed.current;
    const reloaded = previous.rows !== undefined && previous.rows !== rows;
    followed.current = { rows, visible, id: reloaded ? previous.id : id };
    if (reloaded || id === undefined || (visible === previous.visible && id === previous.id)) return;
    virtualizer.scrollToIndex(active, { align: 'auto' });
  }, [active, visible, virtualizer, rows]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget || visible.length === 0) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: visible.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      onActiveChange(Math.min(visible.length - 1, Math.max(0, moves[event.key]!)));
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      onOpen(active);
    }
  }

  const activeRow = active >= 0 ? rows[visible[active] ?? -1] : undefined;
  const rowDomId = (id: string) => `${gridId}-row-${id}`;
  const headerGroup = table.getHeaderGroups()[0]!;

  return (
    <>
      <div className="grid-frame">
        <div
          ref={(node) => {
            scrollRef.current = node;
            if (typeof gridRef === 'function') gridRef(node);
            else if (gridRef) (gridRef as React.RefObject<HTMLDivElement | null>).current = node;
          }}
          className="grid"
          role="grid"
          aria-label="Invoices"
          aria-rowcount={visible.length + 1}
          aria-colcount={columns.length}
          aria-activedescendant={activeRow && virtualizer.getVirtualItems().some((v) => v.index === active) ? rowDomId(activeRow.id) : undefined}
          tabIndex={0}
          onKeyDown={onKeyDown}
          data-testid="invoice-grid"
        >
          <div role="rowgroup" className="grid-head" style={{ minWidth }}>
            <div role="row" aria-rowindex={1} className="grid-row" style={{ gridTemplateColumns: template }}>
              {headerGroup.headers.filter((header) => onScreen.has(header.column.id)).map((header) => {
                const info = header.column.columnDef.meta as ColumnInfo;
                const sorted = header.column.getIsSorted();
                return (
                  <div
                    key={header.id}
                    role="columnheader"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    className={info.numeric ? 'num' : undefined}
                    data-column={header.id}
                  >
                    <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()} title={`Sort by ${info.label}`}>
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      <span className="sort-mark" aria-hidden="true">
                        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                      </span>
                    </button>
                  </div>
                );
              })}
            </div>
          </div>
          {visible.length > 0 && (
            <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize(), minWidth }}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = rows[visible[item.index]!]!;
                const classes = ['grid-row', item.index === active ? 'active' : '', row.id === openId ? 'open' : '', highlighted?.has(row.id) ? 'changed' : ''].join(' ');
                return (
                  <div
                    key={row.id}
                    id={rowDomId(row.id)}
                    role="row"
                    aria-rowindex={item.index + 2}
                    aria-selected={item.index === active}
                    className={classes}
                    style={{ gridTemplateColumns: template, transform: `translateY(${item.start - HEAD_HEIGHT}px)`, height: ROW_HEIGHT }}
                    data-invoice-id={row.id}
                    onClick={() => {
                      onActiveChange(item.index);
                      onOpen(item.index);
                    }}
                  >
                    {columns.map((column) => {
                      const info = column.columnDef.meta as GridColumn;
                      return (
                        <div key={column.id} role="gridcell" className={info.numeric ? 'num' : undefined} data-column={column.id}>
                          {info.text(row)}
                        </div>
                      );
                    })}
                  </div>
                );
              })}
            </div>
          )}
        </div>
        {/* Outside the grid (a grid may only hold rows), shown where the rows would be. */}
        {visible.length === 0 && <div className="grid-empty">{empty}</div>}
      </div>
      {compact && (tucked.length > 0 || showAll) && (
        <TuckedColumnsNote tucked={tucked.map((id) => (table.getColumn(id)?.columnDef.meta as ColumnInfo).label)} showingAll={showAll} onShowAll={setShowAll} />
      )}
    </>
  );
}
