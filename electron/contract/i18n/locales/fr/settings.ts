import type { Translation } from '../../translation';
import type { settings as en } from '../en/settings';

export const settings: Translation<typeof en> = {
  title: 'Paramètres',
  close: 'Fermer les paramètres',
  done: 'Terminé',
  signInLegend: 'Connexion à Salesforce',
  signInWindow: 'Dans une fenêtre de l’application',
  signInBrowser: 'Utiliser mon navigateur',
  signInBrowserHint: 'pour les clés de sécurité, les clés d’accès et l’authentification unique',
  agingLegend: 'Balance âgée',
  agingDueDate: 'Jours après l’échéance',
  agingInvoiceDate: 'Jours depuis la date de facture',
  agingToday: 'Au jour d’aujourd’hui',
  agingAsOf: 'Arrêtée au',
  agingAsOfDate: 'Date d’arrêté de la balance âgée',
  includeDrafts: 'Compter les factures brouillon dans les créances',
  includeDraftsHint: 'Le solde, la balance âgée et les retards comptent les factures comptabilisées ; les factures annulées ne comptent jamais.',
  sourceLegend: 'Factures de cette connexion',
  sourceHint: 'L’objet Salesforce qui contient vos factures, et les champs que Budgetly en affiche.',
  sourceButton: 'Source des factures…',
  languageLegend: 'Langue',
  languageSystem: 'Comme sur mon ordinateur',
  themeLegend: 'Thème',
  themeSystem: 'Comme sur mon ordinateur',
  themeLight: 'Clair',
  themeDark: 'Sombre',
  keepSignedInLegend: 'Rester connecté',
  weakWarning:
    'Cet ordinateur n’a pas de trousseau système pour chiffrer votre connexion Salesforce. Budgetly la garde donc uniquement en mémoire et vous vous reconnectez à chaque démarrage. Si vous autorisez le stockage moins protégé, la connexion est enregistrée avec une clé que d’autres programmes lancés sous votre compte pourraient lire.',
  weakAllow: 'Autoriser le stockage moins protégé de ma connexion sur cet ordinateur',
  encryptedByOs: 'Votre connexion est chiffrée par votre système d’exploitation.',
  weakQuestionTitle: 'Enregistrer les connexions avec une protection plus faible ?',
  weakQuestionMessage:
    'Cet ordinateur n’a pas de trousseau système : Budgetly ne peut protéger ce qu’il enregistre qu’avec une clé que d’autres programmes de cet ordinateur pourraient aussi utiliser.',
  weakQuestionDetail:
    'Si vous l’autorisez, vos connexions Salesforce et la copie hors ligne de vos factures sont enregistrées avec cette protection plus faible, et vous restez connecté après un redémarrage de Budgetly. Sinon, elles restent uniquement en mémoire et vous vous reconnectez à chaque ouverture de Budgetly.',
  weakQuestionConfirm: 'Autoriser le stockage moins protégé',
  weakQuestionCancel: 'Garder en mémoire uniquement',
  weakDeclinedThisSession:
    'Vous avez choisi de garder les connexions uniquement en mémoire : Budgetly ne reposera pas la question avant son redémarrage. Pour autoriser le stockage moins protégé, redémarrez Budgetly et réactivez-le.',
  policyManaged: 'Certains paramètres sont gérés par votre organisation (fichier de stratégie {{path}}).',
  policyLocked: 'Défini par votre organisation',
  policyIntervalBounds: 'Votre organisation n’autorise que certains de ces intervalles.',
  policyWeakNeverAllowed: 'Votre organisation n’autorise pas le stockage moins protégé sur cet ordinateur.',
  policyPredefined: 'Connexions ajoutées par votre organisation : {{names}}.',
};
