import type { Translation } from '../../translation';
import type { provisioning as en } from '../en/provisioning';

export const provisioning: Translation<typeof en> = {
  title: 'Diese Salesforce-Verbindung hinzufügen?',
  fromLink: 'Ein Budgetly-Link möchte diese Verbindung hinzufügen.',
  fromFile: 'Die Verbindungsdatei „{{name}}“ möchte diese Verbindung hinzufügen.',
  nothingYet: 'Nichts wird hinzugefügt und niemand angemeldet, bis Sie „Hinzufügen und anmelden“ wählen.',
  name: 'Name',
  signsInAt: 'Anmeldung bei',
  clientId: 'App (Client-ID)',
  builtIn: '{{id}} (in Budgetly eingebaut)',
  method: 'Anmeldung',
  window: 'In einem App-Fenster',
  browser: 'In Ihrem Browser',
  add: 'Hinzufügen und anmelden',
  dontAdd: 'Nicht hinzufügen',
  refusedTitle: 'Diese Verbindung wurde nicht hinzugefügt',
  refusedLink: 'Ein Budgetly-Link konnte nicht verwendet werden.',
  refusedFile: 'Die Verbindungsdatei „{{name}}“ konnte nicht verwendet werden.',
  close: 'Schließen',
};
