import type { Translation } from '../../translation';
import type { columns as en } from '../en/columns';

export const columns: Translation<typeof en> = {
  number: 'N° de facture',
  customer: 'Client',
  invoiceDate: 'Date de facture',
  dueDate: 'Échéance',
  status: 'Statut',
  total: 'Montant TTC',
  balance: 'Solde',
  currency: 'Devise',
  lastModified: 'Dernière modification',
  daysOverdue: 'Jours de retard',
  fileInvoices: 'factures',
  fileCsv: 'CSV (séparé par des virgules)',
  fileXlsx: 'Classeur Excel',
};
