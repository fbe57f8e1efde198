import type { Translation } from '../../translation';
import type { report as en } from '../en/report';

export const report: Translation<typeof en> = {
  customer: 'Kunde',
  anyCustomer: 'Alle Kunden',
  noCustomer: '(ohne Kunde)',
  customerHint: 'Kundennamen wählen oder eingeben, wie er in der Tabelle steht',
};
