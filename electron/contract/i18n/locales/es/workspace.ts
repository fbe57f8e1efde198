import type { Translation } from '../../translation';
import type { workspace as en } from '../en/workspace';

export const workspace: Translation<typeof en> = {
  filters: 'Filtros',
  status: 'Estado',
  noInvoicesYet: 'Aún no hay facturas',
  currency: 'Moneda',
  payment: 'Pago',
  overdueOnly: 'Solo vencidas',
  invoiceDate: 'Fecha de factura',
  dueDate: 'Vencimiento',
  from: 'Desde',
  to: 'Hasta',
  searchLabel: 'Buscar facturas por número o cliente',
  searchPlaceholder: 'Buscar número o cliente (Ctrl+F)',
};
