import type { Translation } from '../../translation';
import type { workspace as en } from '../en/workspace';

export const workspace: Translation<typeof en> = {
  filters: 'Filtres',
  status: 'Statut',
  noInvoicesYet: 'Pas encore de factures',
  currency: 'Devise',
  payment: 'Paiement',
  overdueOnly: 'En retard uniquement',
  invoiceDate: 'Date de facture',
  dueDate: 'Échéance',
  from: 'Du',
  to: 'Au',
  searchLabel: 'Rechercher des factures par numéro ou client',
  searchPlaceholder: 'Rechercher un numéro ou un client (Ctrl+F)',
};
