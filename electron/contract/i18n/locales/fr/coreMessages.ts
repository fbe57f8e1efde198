import type { Translation } from '../../translation';
import type { coreMessages as en } from '../en/coreMessages';

export const coreMessages: Translation<typeof en> = {
  sessionEnded: 'Votre session Salesforce a pris fin. Reconnectez-vous pour continuer ; vos factures téléchargées restent disponibles.',
  signInEnded: 'Salesforce a mis fin à cette connexion (révoquée ou expirée). Reconnectez-vous pour continuer ; vos factures téléchargées restent disponibles.',
  instanceMoved: 'Salesforce a déplacé cette connexion vers une autre adresse. Reconnectez-vous pour continuer ; vos factures téléchargées restent disponibles.',
  refusedAfterRenewal: 'Salesforce refuse toujours cette session, même après son renouvellement. Reconnectez-vous pour continuer ; vos factures téléchargées restent disponibles.',
  savedUnreadable: 'La connexion enregistrée n’a pas pu être ouverte sur cet ordinateur. Reconnectez-vous pour continuer.',
  notSignedIn: 'Budgetly n’est plus connecté à cette org. Reconnectez-vous pour continuer.',
  savedMissing: 'La connexion enregistrée est introuvable. Reconnectez-vous pour continuer.',
  keptInMemoryOnly: 'Budgetly n’a gardé cette connexion qu’en mémoire : elle a pris fin à la fermeture de l’application. Reconnectez-vous pour continuer.',
  untrustedAddress: 'La réponse de Salesforce indiquait à Budgetly {{address}}, qui n’est pas une adresse Salesforce sûre ; Budgetly ne l’a donc pas utilisée. Reconnectez-vous pour continuer ; vos factures téléchargées restent disponibles.',
  untrustedAddressRetry: 'La réponse de Salesforce indiquait à Budgetly {{address}}, qui n’est pas une adresse Salesforce sûre ; Budgetly ne l’a donc pas utilisée. Réessayez ou contactez votre administrateur Salesforce.',
  signOutPending: 'Vous êtes déconnecté sur cet ordinateur, mais Salesforce était injoignable pour y mettre fin à la connexion. Budgetly le fera dès que Salesforce sera joignable.',
  signOutNotSent: 'Vous êtes déconnecté sur cet ordinateur. Budgetly n’a pas mis fin à la connexion chez Salesforce : l’adresse de connexion enregistrée n’est pas une adresse Salesforce, le jeton n’y a donc pas été envoyé. Par précaution, révoquez l’accès de Budgetly dans Salesforce (paramètres personnels, OAuth Connected Apps).',
};
