import type { Translation } from '../../translation';
import type { provisioning as en } from '../en/provisioning';

export const provisioning: Translation<typeof en> = {
  title: 'Ajouter cette connexion Salesforce ?',
  fromLink: 'Un lien Budgetly propose d’ajouter cette connexion.',
  fromFile: 'Le fichier de connexion « {{name}} » propose d’ajouter cette connexion.',
  nothingYet: 'Rien n’est ajouté et personne ne se connecte tant que vous n’avez pas choisi « Ajouter et se connecter ».',
  name: 'Nom',
  signsInAt: 'Connexion sur',
  clientId: 'Application (identifiant client)',
  builtIn: '{{id}} (intégré à Budgetly)',
  method: 'Connexion',
  window: 'Dans une fenêtre de l’application',
  browser: 'Dans votre navigateur',
  add: 'Ajouter et se connecter',
  dontAdd: 'Ne pas ajouter',
  refusedTitle: 'Cette connexion n’a pas été ajoutée',
  refusedLink: 'Un lien Budgetly n’a pas pu être utilisé.',
  refusedFile: 'Le fichier de connexion « {{name}} » n’a pas pu être utilisé.',
  close: 'Fermer',
};
