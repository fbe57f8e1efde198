import type { Translation } from '../../translation';
import type { report as en } from '../en/report';

export const report: Translation<typeof en> = {
  customer: 'Client',
  anyCustomer: 'Tous les clients',
  noCustomer: '(sans client)',
  customerHint: 'Choisissez ou saisissez le nom du client tel que le tableau l’affiche',
};
