import type { Translation } from '../../translation';
import type { documentViewer as en } from '../en/documentViewer';

export const documentViewer: Translation<typeof en> = {
  openPdf: 'PDF de la facture',
  title: 'Facture {{number}} — PDF',
  close: 'Fermer le PDF (Échap)',
  loading: 'Chargement du PDF…',
  toolbar: 'Outils PDF',
  pageOf: 'Page {{page}} sur {{count}}',
  pageLabel: 'Page {{page}}',
  previousPage: 'Page précédente (Pg. préc.)',
  nextPage: 'Page suivante (Pg. suiv.)',
  zoomIn: 'Zoom avant (Ctrl+=)',
  zoomOut: 'Zoom arrière (Ctrl+−)',
  fitWidth: 'Ajuster à la largeur',
  tryAgain: 'Réessayer',
  noDocument: 'Aucun PDF dans Salesforce pour cette facture.',
  offlineNoCopy: 'Salesforce est injoignable et ce PDF n’est pas conservé sur cet ordinateur. Ouvrez-le une fois en ligne pour le garder hors ligne.',
  keptCopy: 'Salesforce est injoignable : copie conservée le {{date}}.',
  passwordProtected: 'Ce PDF est protégé par un mot de passe. Saisissez-le pour l’afficher.',
  wrongPassword: 'Ce mot de passe n’ouvre pas ce PDF.',
  password: 'Mot de passe',
  openWithPassword: 'Ouvrir',
  unreadable: 'Ce fichier ne peut pas être affiché : ce n’est pas un PDF lisible. Ouvrez-le dans Salesforce pour le vérifier.',
};
