import type { Translation } from '../../translation';
import type { documentViewer as en } from '../en/documentViewer';

export const documentViewer: Translation<typeof en> = {
  openPdf: 'Rechnungs-PDF',
  title: 'Rechnung {{number}} — PDF',
  close: 'PDF schließen (Esc)',
  loading: 'PDF wird geladen …',
  toolbar: 'PDF-Werkzeuge',
  pageOf: 'Seite {{page}} von {{count}}',
  pageLabel: 'Seite {{page}}',
  previousPage: 'Vorherige Seite (Bild auf)',
  nextPage: 'Nächste Seite (Bild ab)',
  zoomIn: 'Vergrößern (Strg+=)',
  zoomOut: 'Verkleinern (Strg+−)',
  fitWidth: 'An Breite anpassen',
  tryAgain: 'Erneut versuchen',
  noDocument: 'Zu dieser Rechnung gibt es in Salesforce kein PDF.',
  offlineNoCopy: 'Salesforce ist nicht erreichbar, und dieses PDF ist auf diesem Computer nicht gespeichert. Öffnen Sie es einmal online, um es offline verfügbar zu haben.',
  keptCopy: 'Salesforce ist nicht erreichbar: angezeigt wird die am {{date}} gespeicherte Kopie.',
  passwordProtected: 'Dieses PDF ist kennwortgeschützt. Geben Sie das Kennwort ein, um es anzuzeigen.',
  wrongPassword: 'Mit diesem Kennwort lässt sich das PDF nicht öffnen.',
  password: 'Kennwort',
  openWithPassword: 'Öffnen',
  unreadable: 'Diese Datei kann nicht angezeigt werden: Sie ist kein lesbares PDF. Öffnen Sie sie zur Prüfung in Salesforce.',
};
