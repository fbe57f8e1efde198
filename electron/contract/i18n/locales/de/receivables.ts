import type { Translation } from '../../translation';
import type { receivables as en } from '../en/receivables';

export const receivables: Translation<typeof en> = {
  heading: 'Zahlungen und Gutschriften',
  loading: 'Zahlungen und Gutschriften werden geladen …',
  none: 'Auf diese Rechnung wurde noch nichts verrechnet.',
  payment: 'Zahlung',
  credit: 'Gutschrift',
  paymentReversed: 'Zahlung storniert',
  creditReversed: 'Gutschrift storniert',
  open: 'In Salesforce öffnen',
  noDate: 'Ohne Datum',
  arithmetic: 'So ergibt sich der Saldo',
  total: 'Rechnungsbetrag',
  payments: 'Verrechnete Zahlungen',
  credits: 'Verrechnete Gutschriften',
  computed: 'Saldo aus den Verrechnungen',
  stated: 'Saldo in Salesforce',
  mismatch: 'Der Saldo in Salesforce weicht um {{difference}} von den Verrechnungen ab. Budgetly zeigt beides und ändert nichts: Bitte prüfen Sie die Rechnung in Salesforce.',
  agrees: 'Stimmt mit dem Saldo in Salesforce überein.',
  fullyPaidOn: 'Vollständig bezahlt am {{date}}',
};
