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
  sortBy: 'Nach {{column}} sortieren',
  columnsMenu: 'Spalten',
  visibleColumns: 'Sichtbare Spalten',
  allShown: 'Alle Spalten werden angezeigt; scrollen Sie seitlich, um sie zu sehen.',
  fitTable: 'Tabelle an das Fenster anpassen',
  tucked_one: '{{columns}} ist ausgeblendet, solange die Details geöffnet sind.',
  tucked_other: '{{columns}} sind ausgeblendet, solange die Details geöffnet sind.',
  showAll: 'Alle Spalten anzeigen',
};
