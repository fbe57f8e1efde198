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
  sortBy: 'Trier par {{column}}',
  columnsMenu: 'Colonnes',
  visibleColumns: 'Colonnes visibles',
  allShown: 'Toutes les colonnes sont affichées ; faites défiler horizontalement pour les voir.',
  fitTable: 'Ajuster le tableau à la fenêtre',
  tucked_one: '{{columns}} est masquée tant que le détail est ouvert.',
  tucked_other: '{{columns}} sont masquées tant que le détail est ouvert.',
  tucked_many: '{{columns}} sont masquées tant que le détail est ouvert.',
  showAll: 'Afficher toutes les colonnes',
};
