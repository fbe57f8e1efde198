import type { Translation } from '../../translation';
import type { common as en } from '../en/common';

export const common: Translation<typeof en> = {
  loading: 'Chargement…',
  couldNotStart: 'Budgetly n’a pas pu démarrer : {{reason}}',
  appVersion: 'Budgetly {{version}}',
  protectionOs: 'Connexions chiffrées par votre système d’exploitation',
  protectionBasicText: 'Pas de trousseau système : connexions conservées pour cette session uniquement',
  protectionUnavailable: 'Chiffrement indisponible : connexions conservées pour cette session uniquement',
  protectionWeakStored: 'Pas de trousseau système : connexions enregistrées avec une protection plus faible',
  settingsFailed: 'Budgetly n’a pas pu charger vos paramètres',
  connectionsFailed: 'Budgetly n’a pas pu charger vos connexions enregistrées',
  nothingChanged: 'Rien n’a été modifié : vos connexions et vos factures sont telles que vous les avez laissées.',
  tryAgain: 'Réessayer',
  thousandsShort: 'k',
  menuView: 'Affichage',
  loginWindowTitle: 'Connexion à Salesforce – Budgetly',
  menuHelpClientApp: 'Créer une External Client App dans Salesforce',
  browserPageNotFoundTitle: 'Page introuvable',
  browserPageNotFound: 'Cette adresse sert uniquement à la connexion de Budgetly.',
  browserPageOtherTitle: 'Pas cette connexion',
  browserPageOther: 'Cette réponse ne correspond pas à la connexion que Budgetly attend. Revenez à Budgetly.',
  browserPageFailedTitle: 'Connexion non terminée',
  browserPageFailed: 'Vous pouvez fermer cet onglet et revenir à Budgetly.',
  browserPageDoneTitle: 'Vous êtes connecté',
  browserPageDone: 'Vous pouvez revenir à Budgetly. Cet onglet peut être fermé.',
};
