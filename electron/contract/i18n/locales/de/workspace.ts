import type { Translation } from '../../translation';
import type { workspace as en } from '../en/workspace';

export const workspace: Translation<typeof en> = {
  filters: 'Filter',
  status: 'Status',
  noInvoicesYet: 'Noch keine Rechnungen',
  currency: 'Währung',
  payment: 'Zahlung',
  overdueOnly: 'Nur überfällige',
  invoiceDate: 'Rechnungsdatum',
  dueDate: 'Fälligkeit',
  from: 'Von',
  to: 'Bis',
  searchLabel: 'Rechnungen nach Nummer oder Kunde durchsuchen',
  searchPlaceholder: 'Nummer oder Kunde suchen (Strg+F)',
};
