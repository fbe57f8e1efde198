import type { Translation } from '../../translation';
import type { common as en } from '../en/common';

export const common: Translation<typeof en> = {
  loading: 'Wird geladen …',
  couldNotStart: 'Budgetly konnte nicht starten: {{reason}}',
  appVersion: 'Budgetly {{version}}',
  protectionOs: 'Anmeldungen vom Betriebssystem verschlüsselt',
  protectionBasicText: 'Kein Systemschlüsselbund: Anmeldungen gelten nur für diese Sitzung',
  protectionUnavailable: 'Verschlüsselung nicht verfügbar: Anmeldungen gelten nur für diese Sitzung',
  protectionWeakStored: 'Kein Systemschlüsselbund: Anmeldungen mit schwächerem Schutz gespeichert',
  settingsFailed: 'Budgetly konnte Ihre Einstellungen nicht laden',
  connectionsFailed: 'Budgetly konnte Ihre gespeicherten Verbindungen nicht laden',
  nothingChanged: 'Es wurde nichts verändert: Ihre Verbindungen und Rechnungen sind, wie Sie sie verlassen haben.',
  tryAgain: 'Erneut versuchen',
  thousandsShort: 'Tsd.',
  menuView: 'Ansicht',
  loginWindowTitle: 'Bei Salesforce anmelden – Budgetly',
  menuHelpClientApp: 'Eine External Client App in Salesforce anlegen',
  browserPageNotFoundTitle: 'Nicht gefunden',
  browserPageNotFound: 'Diese Adresse wird nur für die Anmeldung bei Budgetly verwendet.',
  browserPageOtherTitle: 'Nicht diese Anmeldung',
  browserPageOther: 'Diese Antwort gehört nicht zu der Anmeldung, auf die Budgetly wartet. Kehren Sie zu Budgetly zurück.',
  browserPageFailedTitle: 'Anmeldung nicht abgeschlossen',
  browserPageFailed: 'Sie können diesen Tab schließen und zu Budgetly zurückkehren.',
  browserPageDoneTitle: 'Sie sind angemeldet',
  browserPageDone: 'Sie können zu Budgetly zurückkehren. Dieser Tab kann geschlossen werden.',
};
