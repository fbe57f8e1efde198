import type { Translation } from '../../translation';
import type { customer as en } from '../en/customer';

export const customer: Translation<typeof en> = {
  show: 'Kunde {{customer}} anzeigen',
  close: 'Kundenansicht schließen',
  matchedBy: 'Zahlungen und Gutschriften sind die der Salesforce-Accounts mit dem Namen {{customer}}.',
  sharedName: '{{n}} Salesforce-Accounts tragen diesen Namen: ihre Zahlungen und Gutschriften werden zusammen gezeigt.',
  openBalance: 'Offener Saldo',
  overdue: 'Überfällig',
  invoicesHeading: 'Rechnungen',
  noInvoices: 'Keine Rechnungen dieses Kunden in der Offline-Kopie.',
  paymentsHeading: 'Zahlungen',
  noPayments: 'Keine Zahlungen dieses Kunden.',
  creditsHeading: 'Noch nicht verrechnete Gutschriften',
  noCredits: 'Keine Gutschriften, die auf Verrechnung warten.',
  unappliedCash: 'Nicht zugeordnete Zahlungen',
  unappliedCredits: 'Nicht verrechnete Gutschriften',
  unappliedHint: 'Eingegangen oder ausgestellt, aber keiner Rechnung zugeordnet: Es mindert, was der Kunde insgesamt schuldet, nicht eine einzelne Rechnung.',
  number: 'Nummer',
  date: 'Datum',
  method: 'Art',
  amount: 'Betrag',
  applied: 'Zugeordnet',
  unapplied: 'Nicht zugeordnet',
  openInSalesforce: 'In Salesforce öffnen',
  showInvoice: 'Rechnung {{number}} anzeigen',
  loading: 'Zahlungen und Gutschriften werden geladen …',
};
