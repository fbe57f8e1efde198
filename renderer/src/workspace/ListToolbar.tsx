import type { Table } from '@tanstack/react-table';
import { useId, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../i18n/DateField';
import type { InvoiceListRow } from '../../../electron/contract';
import type { InvoiceListState } from '../api/use-invoices';
import { ColumnsMenu } from './ColumnsMenu';
import { RowCount } from './RowCount';
import { SearchBox } from './SearchBox';
import { useOpenFirst } from './use-open-first';

interface Props {
  list: InvoiceListState;
  /** Only the first rows are loaded yet: search waits. */
  partial: boolean;
  searchRef: RefObject<HTMLInputElement | null>;
  search: string;
  searchPending: boolean;
  onSearch: (search: string) => void;
  /** Enter in the search box: open the first match (once the rows are those of the search: useOpenFirst). */
  onOpenFirst: () => void;
  /** The aging date shown, and whether it is today's (no date chosen). */
  asOf: string;
  asOfIsToday: boolean;
  onAsOfChange: (asOf: string | null) => void;
  table: Table<InvoiceListRow>;
  visible: number;
  total: number;
  /** More controls, before the columns menu (the aging-by-customer report's button). */
  children?: ReactNode;
}

/** Above the grid: search, the aging date, the columns and the row count. */
export function ListToolbar({ list, partial, searchRef, search, searchPending, onSearch, onOpenFirst, asOf, asOfIsToday, onAsOfChange, table, visible, total, children }: Props) {
  const { t } = useTranslation('workspace');
  const asOfId = useId();
  const openFirst = useOpenFirst(search, searchPending, onOpenFirst);
  return (
    <div className="toolbar">
      <fieldset className="until-loaded" disabled={partial}>
        <SearchBox ref={searchRef} value={search} onChange={onSearch} onSubmit={openFirst} pending={searchPending} />
      </fieldset>
      <div className="as-of-inline">
        <label htmlFor={asOfId}>{t('agingAsOf')}</label>
        <DateField id={asOfId} value={asOf} onChange={onAsOfChange} testId="as-of" />
        {asOfIsToday && <span className="hint">{t('agingToday')}</span>}
      </div>
      {!asOfIsToday && (
        <button type="button" onClick={() => onAsOfChange(null)} data-testid="as-of-reset">
          {t('resetToday')}
        </button>
      )}
      {children}
      <ColumnsMenu table={table} />
      <RowCount list={list} visible={visible} total={total} />
    </div>
  );
}
