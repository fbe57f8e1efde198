import type { Table } from '@tanstack/react-table';
import type { InvoiceListRow } from '../../../electron/contract';
import { useTranslation } from 'react-i18next';
import { useDismiss } from '../lib/use-dismiss';

/** Show or hide columns; the choice is kept in the settings. */
export function ColumnsMenu({ table }: { table: Table<InvoiceListRow> }) {
  const { t } = useTranslation('columns');
  const { ref, onKeyDown } = useDismiss();
  return (
    <details className="menu" ref={ref} onKeyDown={onKeyDown} data-testid="columns-menu">
      <summary>{t('columnsMenu')}</summary>
      <div className="popover" role="group" aria-label={t('visibleColumns')}>
        {table.getAllLeafColumns().map((column) => (
          <label key={column.id} className="check">
            <input type="checkbox" checked={column.getIsVisible()} disabled={!column.getCanHide()} onChange={column.getToggleVisibilityHandler()} />
            {String(column.columnDef.header)}
          </label>
        ))}
      </div>
    </details>
  );
}
