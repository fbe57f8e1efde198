import type { Translation } from '../../translation';
import type { invoiceDetail as en } from '../en/invoiceDetail';

export const invoiceDetail: Translation<typeof en> = {
  title: 'Rechnung {{number}}',
  close: 'Details schließen (Esc)',
  noCustomer: 'Kein Kunde',
  standingOverdue_one: '{{n}} Tag überfällig',
  standingOverdue_other: '{{n}} Tage überfällig',
  standingNotOverdue: 'Nicht überfällig',
  standingBucket: '{{days}} · Altersklasse {{bucket}}',
  standingNothingOwed: 'Nichts offen',
  standingDraft: 'Entwurf: nicht in den Forderungen',
  standingCancelled: 'Storniert: nicht in den Forderungen',
  openInSalesforce: 'In Salesforce öffnen',
  cachedOnly: 'Angezeigt wird der Stand Ihrer letzten Synchronisierung. Rechnungspositionen und die übrigen Felder benötigen Salesforce: {{reason}}',
  loadingLines: 'Rechnungspositionen werden geladen …',
  lineItems: 'Rechnungspositionen',
  allFields: 'Alle Felder',
  fields: 'Felder',
  invoiceNumber: 'Rechnungsnummer',
  yes: 'Ja',
  no: 'Nein',
  noLines: 'Keine Rechnungspositionen.',
  item: 'Position',
  quantity: 'Menge',
  unitPrice: 'Einzelpreis',
  amount: 'Betrag',
};
