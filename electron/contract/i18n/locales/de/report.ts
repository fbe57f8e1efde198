import type { Translation } from '../../translation';
import type { report as en } from '../en/report';

export const report: Translation<typeof en> = {
  customer: 'Kunde',
  anyCustomer: 'Alle Kunden',
  noCustomer: '(ohne Kunde)',
  customerHint: 'Kundennamen wählen oder eingeben, wie er in der Tabelle steht',
  title: 'Altersstruktur nach Kunden',
  backToInvoices: 'Zurück zu den Rechnungen',
  rulesDueDate: 'Offene Salden der angezeigten Forderungen (die Filter gelten), Stichtag {{date}}, nach Tagen seit Fälligkeit.',
  rulesInvoiceDate: 'Offene Salden der angezeigten Forderungen (die Filter gelten), Stichtag {{date}}, nach Tagen seit Rechnungsdatum.',
  caption: '{{currency}}',
  captionCorporate: 'Alle Währungen in {{currency}} (Unternehmenswährung)',
  total: 'Summe',
  showInvoicesOf: 'Rechnungen von {{customer}} anzeigen',
  showBucketOf: 'Rechnungen von {{customer}} anzeigen, {{bucket}}: {{amount}}',
  missingRate_one: '{{count}} Rechnung ohne Wechselkurs fehlt in der Tabelle in {{currency}}.',
  missingRate_other: '{{count}} Rechnungen ohne Wechselkurs fehlen in der Tabelle in {{currency}}.',
  nothingOpen: 'Auf den angezeigten Rechnungen ist nichts offen.',
};
