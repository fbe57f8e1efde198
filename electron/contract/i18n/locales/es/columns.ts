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
  sortBy: 'Ordenar por {{column}}',
  columnsMenu: 'Columnas',
  visibleColumns: 'Columnas visibles',
  allShown: 'Se muestran todas las columnas; desplácese en horizontal para verlas.',
  fitTable: 'Ajustar la tabla a la ventana',
  tucked_one: '{{columns}} está oculta mientras el detalle está abierto.',
  tucked_other: '{{columns}} están ocultas mientras el detalle está abierto.',
  tucked_many: '{{columns}} están ocultas mientras el detalle está abierto.',
  showAll: 'Mostrar todas las columnas',
};
