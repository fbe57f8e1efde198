import type { Translation } from '../../translation';
import type { coreMessages as en } from '../en/coreMessages';

export const coreMessages: Translation<typeof en> = {
  sessionEnded: 'Ihre Salesforce-Sitzung ist abgelaufen. Melden Sie sich erneut an, um fortzufahren; Ihre heruntergeladenen Rechnungen bleiben verfügbar.',
  signInEnded: 'Salesforce hat diese Anmeldung beendet (sie wurde widerrufen oder ist abgelaufen). Melden Sie sich erneut an, um fortzufahren; Ihre heruntergeladenen Rechnungen bleiben verfügbar.',
  instanceMoved: 'Salesforce hat diese Anmeldung auf eine andere Adresse verlegt. Melden Sie sich erneut an, um fortzufahren; Ihre heruntergeladenen Rechnungen bleiben verfügbar.',
  refusedAfterRenewal: 'Salesforce lehnt diese Sitzung auch nach der Erneuerung weiter ab. Melden Sie sich erneut an, um fortzufahren; Ihre heruntergeladenen Rechnungen bleiben verfügbar.',
  savedUnreadable: 'Die gespeicherte Anmeldung konnte auf diesem Computer nicht geöffnet werden. Melden Sie sich erneut an, um fortzufahren.',
  notSignedIn: 'Budgetly ist bei dieser Org nicht mehr angemeldet. Melden Sie sich erneut an, um fortzufahren.',
  savedMissing: 'Die gespeicherte Anmeldung fehlt. Melden Sie sich erneut an, um fortzufahren.',
  keptInMemoryOnly: 'Budgetly hat diese Anmeldung nur im Arbeitsspeicher gehalten, daher endete sie mit dem Schließen der App. Melden Sie sich erneut an, um fortzufahren.',
  untrustedAddress: 'Die Antwort von Salesforce verwies Budgetly auf {{address}}, keine sichere Salesforce-Adresse; Budgetly hat sie daher nicht verwendet. Melden Sie sich erneut an, um fortzufahren; Ihre heruntergeladenen Rechnungen bleiben verfügbar.',
  untrustedAddressRetry: 'Die Antwort von Salesforce verwies Budgetly auf {{address}}, keine sichere Salesforce-Adresse; Budgetly hat sie daher nicht verwendet. Bitte versuchen Sie es erneut oder wenden Sie sich an Ihren Salesforce-Administrator.',
  signOutPending: 'Sie sind auf diesem Computer abgemeldet, aber Salesforce war nicht erreichbar, um die Anmeldung auch dort zu beenden. Budgetly holt das nach, sobald Salesforce erreichbar ist.',
  signOutNotSent: 'Sie sind auf diesem Computer abgemeldet. Budgetly hat die Anmeldung bei Salesforce nicht beendet: Die gespeicherte Anmeldeadresse ist keine Salesforce-Adresse, daher wurde das Token nicht dorthin gesendet. Widerrufen Sie zur Sicherheit den Zugriff von Budgetly in Salesforce (persönliche Einstellungen, OAuth Connected Apps).',
};
