import type { Translation } from '../../translation';
import type { columns as en } from '../en/columns';

export const columns: Translation<typeof en> = {
  number: 'N.º de factura',
  customer: 'Cliente',
  invoiceDate: 'Fecha de factura',
  dueDate: 'Vencimiento',
  status: 'Estado',
  total: 'Importe',
  balance: 'Saldo',
  currency: 'Moneda',
  lastModified: 'Última modificación',
  daysOverdue: 'Días de retraso',
  fileInvoices: 'facturas',
  fileCsv: 'CSV (delimitado por comas)',
  fileXlsx: 'Libro de Excel',
};
