import type { Translation } from '../../translation';
import type { settings as en } from '../en/settings';

export const settings: Translation<typeof en> = {
  title: 'Einstellungen',
  close: 'Einstellungen schließen',
  done: 'Fertig',
  signInLegend: 'Bei Salesforce anmelden',
  signInWindow: 'In einem App-Fenster',
  signInBrowser: 'Meinen Browser verwenden',
  signInBrowserHint: 'für Sicherheitsschlüssel, Passkeys und Single Sign-on',
  agingLegend: 'Altersstruktur',
  agingDueDate: 'Tage nach Fälligkeit',
  agingInvoiceDate: 'Tage seit Rechnungsdatum',
  agingToday: 'Stichtag heute',
  agingAsOf: 'Stichtag',
  agingAsOfDate: 'Stichtag der Altersstruktur',
  includeDrafts: 'Rechnungsentwürfe in den Forderungen mitzählen',
  includeDraftsHint: 'Saldo, Altersstruktur und Überfälliges zählen gebuchte Rechnungen; stornierte Rechnungen zählen nie.',
  sourceLegend: 'Rechnungen dieser Verbindung',
  sourceHint: 'Welches Salesforce-Objekt Ihre Rechnungen enthält und welche seiner Felder Budgetly anzeigt.',
  sourceButton: 'Rechnungsquelle …',
  languageLegend: 'Sprache',
  languageSystem: 'Wie auf meinem Computer',
  themeLegend: 'Darstellung',
  themeSystem: 'Wie auf meinem Computer',
  themeLight: 'Hell',
  themeDark: 'Dunkel',
  keepSignedInLegend: 'Angemeldet bleiben',
  weakWarning:
    'Dieser Computer hat keinen Systemschlüsselbund, mit dem Ihre Salesforce-Anmeldung verschlüsselt werden kann. Budgetly hält sie daher nur im Arbeitsspeicher, und Sie melden sich bei jedem Start neu an. Wenn Sie die schwächere Speicherung erlauben, wird die Anmeldung mit einem Schlüssel gespeichert, den andere Programme unter Ihrem Benutzerkonto lesen könnten.',
  weakAllow: 'Schwächere Speicherung meiner Anmeldung auf diesem Computer erlauben',
  encryptedByOs: 'Ihre Anmeldung wird vom Betriebssystem verschlüsselt.',
  weakQuestionTitle: 'Anmeldungen mit schwächerem Schutz speichern?',
  weakQuestionMessage:
    'Dieser Computer hat keinen Systemschlüsselbund. Budgetly kann Gespeichertes daher nur mit einem Schlüssel schützen, den auch andere Programme auf diesem Computer verwenden könnten.',
  weakQuestionDetail:
    'Wenn Sie zustimmen, werden Ihre Salesforce-Anmeldungen und die Offline-Kopie Ihrer Rechnungen mit diesem schwächeren Schutz gespeichert, und Sie bleiben nach einem Neustart von Budgetly angemeldet. Andernfalls bleiben sie nur im Arbeitsspeicher, und Sie melden sich bei jedem Start neu an.',
  weakQuestionConfirm: 'Schwächere Speicherung erlauben',
  weakQuestionCancel: 'Nur im Arbeitsspeicher halten',
  weakDeclinedThisSession:
    'Sie haben entschieden, Anmeldungen nur im Arbeitsspeicher zu halten. Budgetly fragt daher bis zum nächsten Start nicht erneut. Um die schwächere Speicherung zu erlauben, starten Sie Budgetly neu und schalten Sie sie wieder ein.',
  policyManaged: 'Einige Einstellungen werden von Ihrer Organisation verwaltet (Richtliniendatei {{path}}).',
  policyLocked: 'Von Ihrer Organisation festgelegt',
  policyIntervalBounds: 'Ihre Organisation erlaubt nur einige dieser Intervalle.',
  policyWeakNeverAllowed: 'Ihre Organisation erlaubt auf diesem Computer keine schwächere Speicherung.',
  policyPredefined: 'Von Ihrer Organisation hinzugefügte Verbindungen: {{names}}.',
};
