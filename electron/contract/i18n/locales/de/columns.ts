import type { Translation } from '../../translation';
import type { columns as en } from '../en/columns';

export const columns: Translation<typeof en> = {
  number: 'Rechnungsnr.',
  customer: 'Kunde',
  invoiceDate: 'Rechnungsdatum',
  dueDate: 'Fälligkeit',
  status: 'Status',
  total: 'Betrag',
  balance: 'Saldo',
  currency: 'Währung',
  lastModified: 'Zuletzt geändert',
  daysOverdue: 'Tage überfällig',
  fileInvoices: 'rechnungen',
  fileCsv: 'CSV (kommagetrennt)',
  fileXlsx: 'Excel-Arbeitsmappe',
};
