import type { Translation } from '../../translation';
import type { customer as en } from '../en/customer';

export const customer: Translation<typeof en> = {
  show: 'Afficher le client {{customer}}',
  close: 'Fermer la vue client',
  matchedBy: 'Les paiements et avoirs sont ceux des comptes Salesforce nommés {{customer}}.',
  sharedName: '{{n}} comptes Salesforce portent ce nom : leurs paiements et avoirs sont affichés ensemble.',
  openBalance: 'Solde ouvert',
  overdue: 'Échu',
  invoicesHeading: 'Factures',
  noInvoices: 'Aucune facture de ce client dans la copie hors ligne.',
  paymentsHeading: 'Paiements',
  noPayments: 'Aucun paiement de ce client.',
  creditsHeading: 'Avoirs non encore imputés',
  noCredits: 'Aucun avoir en attente d’imputation.',
  unappliedCash: 'Encaissements non lettrés',
  unappliedCredits: 'Avoirs non imputés',
  unappliedHint: 'Reçu ou émis mais imputé à aucune facture : cela réduit ce que le client doit au total, pas une facture en particulier.',
  number: 'Numéro',
  date: 'Date',
  method: 'Type',
  amount: 'Montant',
  applied: 'Imputé',
  unapplied: 'Non imputé',
  openInSalesforce: 'Ouvrir dans Salesforce',
  showInvoice: 'Afficher la facture {{number}}',
  loading: 'Chargement des paiements et avoirs…',
};
