import type { Translation } from '../../translation';
import type { invoiceDetail as en } from '../en/invoiceDetail';

export const invoiceDetail: Translation<typeof en> = {
  title: 'Facture {{number}}',
  close: 'Fermer le détail (Échap)',
  noCustomer: 'Aucun client',
  openInSalesforce: 'Ouvrir dans Salesforce',
  cachedOnly: 'Copie de votre dernière synchronisation. Les lignes de facture et les autres champs nécessitent Salesforce : {{reason}}',
  loadingLines: 'Chargement des lignes de facture…',
  lineItems: 'Lignes de facture',
  allFields: 'Tous les champs',
  fields: 'Champs',
  invoiceNumber: 'Numéro de facture',
  yes: 'Oui',
  no: 'Non',
  noLines: 'Aucune ligne de facture.',
  item: 'Article',
  quantity: 'Qté',
  unitPrice: 'Prix unitaire',
  amount: 'Montant',
};
