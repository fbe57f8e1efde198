import type { Translation } from '../../translation';
import type { report as en } from '../en/report';

export const report: Translation<typeof en> = {
  customer: 'Client',
  anyCustomer: 'Tous les clients',
  noCustomer: '(sans client)',
  customerHint: 'Choisissez ou saisissez le nom du client tel que le tableau l’affiche',
  title: 'Balance âgée par client',
  backToInvoices: 'Retour aux factures',
  rulesDueDate: 'Soldes ouverts des créances affichées (les filtres s’appliquent), au {{date}}, par jours après l’échéance.',
  rulesInvoiceDate: 'Soldes ouverts des créances affichées (les filtres s’appliquent), au {{date}}, par jours depuis la date de facture.',
  caption: '{{currency}}',
  captionCorporate: 'Toutes les devises en {{currency}} (devise de la société)',
  total: 'Total',
  showInvoicesOf: 'Afficher les factures de {{customer}}',
  showBucketOf: 'Afficher les factures de {{customer}}, {{bucket}} : {{amount}}',
  missingRate_one: '{{count}} facture sans taux de change n’est pas dans le tableau en {{currency}}.',
  missingRate_many: '{{count}} de factures sans taux de change ne sont pas dans le tableau en {{currency}}.',
  missingRate_other: '{{count}} factures sans taux de change ne sont pas dans le tableau en {{currency}}.',
  nothingOpen: 'Rien n’est dû sur les factures affichées.',
};
