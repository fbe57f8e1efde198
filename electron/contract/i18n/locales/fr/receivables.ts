import type { Translation } from '../../translation';
import type { receivables as en } from '../en/receivables';

export const receivables: Translation<typeof en> = {
  heading: 'Règlements et avoirs',
  loading: 'Chargement des règlements et des avoirs…',
  none: 'Rien n’a encore été imputé sur cette facture.',
  payment: 'Règlement',
  credit: 'Avoir',
  paymentReversed: 'Règlement annulé',
  creditReversed: 'Avoir annulé',
  open: 'Ouvrir dans Salesforce',
  noDate: 'Sans date',
  arithmetic: 'Comment le solde est obtenu',
  total: 'Montant de la facture',
  payments: 'Règlements imputés',
  credits: 'Avoirs imputés',
  computed: 'Solde d’après les imputations',
  stated: 'Solde dans Salesforce',
  mismatch: 'Le solde de Salesforce diffère de {{difference}} des imputations. Budgetly affiche les deux et ne modifie rien : vérifiez la facture dans Salesforce.',
  agrees: 'Concorde avec le solde de Salesforce.',
  fullyPaidOn: 'Entièrement réglée le {{date}}',
};
