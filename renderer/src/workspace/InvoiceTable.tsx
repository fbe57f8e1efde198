import type { Table } from '@tanstack/react-table';
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceListRow } from '../../../electron/contract';
import type { ColumnInfo } from '../invoices/columns';
import type { CustomerGroups } from '../invoices/group-by-customer';
import { useElementWidthRem } from '../lib/use-element-width';
import { compactColumnWidths, fitColumns, roomForLabels } from './column-fit';
import { applyUserWidths, widthsKey, withWidth } from './column-widths';
import { GridHeader, GridRow, type OnResize } from './grid-parts';
import { GroupHeaderRow } from './GroupHeaderRow';
import { columnWidths, gridMinWidth, type GridColumn } from './invoice-columns';
import { TuckedColumnsNote } from './TuckedColumnsNote';
import { ROW_HEIGHT, useRowWindow } from './use-row-window';

/**
 * Rows rendered beyond the viewport on either side. Small on purpose: a fast scroll replaces every
 * row of the window in each frame, so each extra row is work in every frame; wheel and keyboard
 * steps stay within a few rows.
 */
const OVERSCAN = 4;

interface Props {
  table: Table<InvoiceListRow>;
  /** Indexes into the table's rows (`table.options.meta.rows`), in display order. */
  visible: Uint32Array;
  active: number;
  openId: string | null;
  onActiveChange: (position: number) => void;
  onOpen: (position: number) => void;
  empty: ReactNode;
  /** Called with the grid's element (and null when it goes): the workspace focuses it. */
  gridRef?: (node: HTMLDivElement | null) => void;
  /** Ids of rows a sync just changed: briefly highlighted. */
  highlighted?: ReadonlySet<string>;
  /** The detail panel shares the window: narrower columns, and the least important ones tucked away if still too wide. */
  compact?: boolean;
  /** Clicking the customer's name in a row opens their customer view (issue 13). */
  /** `account`: the row's account id (customerId) when the copy has it. */
  onOpenCustomer?: (customer: string, account?: string) => void;
  /** Grouped by customer: the grid shows these items (headers and invoices); `visible` is then `groups.order`. */
  groups?: CustomerGroups | null;
  /** A group's header was clicked (or Enter/Space on it): collapse or expand that customer. */
  onToggleGroup?: (key: string) => void;
  /** The rows are still the previous filters' (above a million invoices they follow in a deferred render): aria-busy. */
  behind?: boolean;
}

let measuring: CanvasRenderingContext2D | null | undefined;

/**
 * Measures header labels' widths in rem, in the header's font (bold, 0.93rem of the page's family). The page's font
 * is read once per measure (the first label), not once per label: issue #19 — two `getComputedStyle` reads and a new
 * canvas font for each of the grid's labels were a visible part of the workspace's first render in the trace.
 */
function headerLabelMeasure(): (label: string) => number {
  let rootPx = 0;
  return (label) => {
    measuring ??= document.createElement('canvas').getContext('2d');
    if (!measuring) return label.length * 0.6;
    if (rootPx === 0) {
      rootPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      measuring.font = `600 ${0.93 * rootPx}px ${getComputedStyle(document.body).fontFamily}`;
    }
    return measuring.measureText(label).width / rootPx;
  };
}

/**
 * The invoices grid: every visible row is in `aria-rowcount`, only the rows on screen are in
 * the DOM (each with its `aria-rowindex`). The grid holds focus; the active row is its
 * `aria-activedescendant`. Arrows, Page Up/Down, Home/End move; Enter opens the details.
 */
export function InvoiceTable({ table, visible, active, openId, onActiveChange, onOpen, empty, gridRef, highlighted, compact = false, onOpenCustomer, groups, onToggleGroup, behind = false }: Props) {
  const { t } = useTranslation('workspace');
  const gridId = useId();
  const idPrefix = `${gridId}-row-`;
  const scrollRef = useRef<HTMLDivElement | null>(null);
  // Stable, so React does not detach and attach it again on every render (every scrolled row).
  const setGridNode = useCallback(
    (node: HTMLDivElement | null) => {
      scrollRef.current = node;
      gridRef?.(node);
    },
    [gridRef],
  );
  const { rows, widths: userWidths, onWidthsChange } = table.options.meta!;
  // A drag in progress: the width follows the pointer on screen, and is saved once the button is let go.
  const [dragging, setDragging] = useState<{ column: string; rem: number } | null>(null);
  const onResize = useCallback<OnResize>(
    (column, rem, done) => {
      if (!done && rem !== null) return setDragging({ column, rem });
      setDragging(null);
      onWidthsChange?.(withWidth(userWidths, column, rem));
    },
    [onWidthsChange, userWidths],
  );
  const shownWidths = dragging ? withWidth(userWidths, dragging.column, dragging.rem) : userWidths;
  const shownWidthsKey = widthsKey(shownWidths);
  const items = groups?.items;
  /** The grid's rows: invoices, and customers' headers when grouped. */
  const slotCount = items ? items.length : visible.length;
  /** Where the invoice at `position` (in `visible`) is among the grid's rows. */
  const slotOf = useCallback((position: number) => (groups ? (groups.slotOf[position] ?? position) : position), [groups]);
  const [showAll, setShowAll] = useState(false);
  // Only the compact grid (the detail panel open) fits its columns to its width: the full grid measures nothing (issue
  // #19: the measure forced a layout of the page right after the first rows were put in).
  const availableRem = useElementWidthRem(scrollRef, compact);
  const fitting = compact && !showAll && availableRem !== null;
  const chosen = table.getVisibleLeafColumns().map((c) => c.id as ColumnInfo['id']);
  const definitions = table.options.columns;
  // Each header's words in the user's language decide how narrow its column may get.
  const widths = useMemo(() => {
    const fitted = roomForLabels(
      compact ? compactColumnWidths : columnWidths,
      Object.fromEntries(definitions.map((definition) => [definition.id, (definition.meta as GridColumn).label])),
      headerLabelMeasure(),
    );
    // A column of its own (the combined view's Org) brings its track.
    for (const definition of definitions) {
      const own = (definition.meta as GridColumn).width;
      if (own) fitted[definition.id as ColumnInfo['id']] = own;
    }
    // The widths the user set win over the grid's own.
    return applyUserWidths(fitted, shownWidths);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the user's widths follow their content (shownWidthsKey), not the object's identity
  }, [compact, definitions, shownWidthsKey]);
  const { shown: ids, tucked } = fitting ? fitColumns(chosen, widths, availableRem) : { shown: chosen, tucked: [] };
  const shownKey = ids.join(',');
  // One array per set of columns (not per render): the rows' memo compares it.
  const columns = useMemo(
    () => shownKey.split(',').map((id) => table.getColumn(id)!.columnDef.meta as GridColumn),
    // The columns follow their ids and definitions (`table` is one object for the grid's life, its definitions change under it).
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `definitions` is the trigger, read through `table`
    [table, shownKey, definitions],
  );
  // The column tracks are set once on the grid (a CSS variable), not on every row.
  const gridStyle = { '--grid-columns': ids.map((id) => widths[id]).join(' ') } as CSSProperties;
  const minWidth = gridMinWidth(ids, widths);
  // The active row stays on screen when the grid gets shorter (the detail panel opening narrows the columns and the toolbar).
  const activeRef = useRef(active);
  useLayoutEffect(() => {
    activeRef.current = active >= 0 ? slotOf(active) : active;
  }, [active, slotOf]);
  const { window: slice, scrollToRow, bodyHeight, windowTop } = useRowWindow(scrollRef, slotCount, OVERSCAN, activeRef);

  // Follow the active row on keys, filter and sort, but never when a sync replaced the rows (nor when the
  // selection then follows its invoice to a new position): the user's scroll position stays.
  const followed = useRef<{ rows?: unknown; visible?: Uint32Array; id?: string }>({});
  useEffect(() => {
    const id = active >= 0 ? rows[visible[active] ?? -1]?.id : undefined;
    const previous = followed.current;
    const reloaded = previous.rows !== undefined && previous.rows !== rows;
    followed.current = { rows, visible, id: reloaded ? previous.id : id };
    if (reloaded || id === undefined || (visible === previous.visible && id === previous.id)) return;
    scrollToRow(slotOf(active));
  }, [active, visible, scrollToRow, rows, slotOf]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget || visible.length === 0) return;
    // Rows keep their height on screen however the scroll space is scaled (use-row-window): a page is the rows that fit.
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

  // One click handler for every row: the row says where it is.
  function onRowClick(event: MouseEvent<HTMLDivElement>) {
    const row = (event.target as Element).closest('[role="row"]');
    const slot = Number(row?.getAttribute('aria-rowindex')) - 2;
    if (!(slot >= 0 && slot < slotCount)) return;
    const item = items?.[slot];
    if (item?.kind === 'group') {
      onToggleGroup?.(item.key);
      return;
    }
    const position = item ? item.position : slot;
    onActiveChange(position);
    const { customer, customerId } = rows[visible[position]!]!;
    if (onOpenCustomer && customer && (event.target as Element).closest('.customer-link')) onOpenCustomer(customer, customerId);
    else onOpen(position);
  }

  const activeSlot = active >= 0 ? slotOf(active) : -1;
  const activeRow = activeSlot >= slice.first && activeSlot < slice.end ? rows[visible[active] ?? -1] : undefined;
  const slots: ReactNode[] = [];
  for (let slot = slice.first; slot < slice.end; slot++) {
    const item = items?.[slot];
    if (item?.kind === 'group') {
      slots.push(<GroupHeaderRow key={slot - slice.first} group={item} slot={slot} />);
      continue;
    }
    const position = item ? item.position : slot;
    const row = rows[visible[position]!]!;
    slots.push(
      <GridRow
        key={slot - slice.first}
        row={row}
        slot={slot}
        columns={columns}
        idPrefix={idPrefix}
        active={position === active}
        open={row.id === openId}
        changed={highlighted?.has(row.id) ?? false}
      />,
    );
  }

  return (
    <>
      <div className="grid-frame">
        <div
          ref={setGridNode}
          className="grid"
          role="grid"
          aria-label={t('invoicesLabel')}
          aria-rowcount={slotCount + 1}
          aria-colcount={columns.length}
          aria-activedescendant={activeRow ? idPrefix + activeRow.id : undefined}
          aria-busy={behind || undefined}
          tabIndex={0}
          onKeyDown={onKeyDown}
          style={gridStyle}
          data-testid="invoice-grid"
        >
          <div role="rowgroup" className="grid-head" style={{ minWidth }}>
            <GridHeader
              table={table}
              shown={shownKey}
              sorting={table.getState().sorting}
              definitions={definitions}
              widths={shownWidthsKey}
              onResize={onWidthsChange ? onResize : undefined}
            />
          </div>
          {slotCount > 0 && (
            <div role="rowgroup" className="grid-body" style={{ height: bodyHeight, minWidth }} onClick={onRowClick}>
              {/* The rendered rows, in order, moved as one block to where they belong. */}
              <div className="grid-window" style={{ transform: `translateY(${windowTop}px)` }}>
                {slots}
              </div>
            </div>
          )}
        </div>
        {/* Outside the grid (a grid may only hold rows), shown where the rows would be. */}
        {slotCount === 0 && <div className="grid-empty">{empty}</div>}
      </div>
      {compact && (tucked.length > 0 || showAll) && (
        <TuckedColumnsNote tucked={tucked.map((id) => (table.getColumn(id)?.columnDef.meta as GridColumn).label)} showingAll={showAll} onShowAll={setShowAll} />
      )}
    </>
  );
}
