import type { Translation } from '../../translation';
import type { changeLog as en } from '../en/changeLog';

export const changeLog: Translation<typeof en> = {
  openHint: 'Was die Synchronisierungen dieser Sitzung hinzugefügt, geändert und gelöscht haben',
  title: 'Was hat sich geändert',
  close: 'Schließen',
  none: 'Seit dem Start von Budgetly wurde noch nicht synchronisiert.',
  syncAt: 'Synchronisierung {{when}}: {{summary}}',
  added: 'Neu',
  changed: 'Geändert',
  deleted: 'In Salesforce gelöscht',
  changedFields: 'Geändert: {{fields}}',
  more_one: '… und {{count}} weitere',
  more_other: '… und {{count}} weitere',
  keptInMemory: 'Bleibt bis zum Beenden von Budgetly erhalten; wird nicht auf der Festplatte gespeichert.',
};
