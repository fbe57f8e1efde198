import type { Translation } from '../../translation';
import type { policy as en } from '../en/policy';

export const policy: Translation<typeof en> = {
  ignored: 'Budgetly a ignoré le fichier de stratégie {{path}} : {{why}}',
  tooLarge: 'il fait {{kilobytes}} Ko, plus que le 1 Mo autorisé pour un fichier de stratégie.',
  notARegularFile: 'ce n’est pas un fichier ordinaire (un dossier, un tube ou un périphérique).',
  unreadable: 'il n’a pas pu être lu.',
  brokenJson: 'ce n’est pas un texte JSON valide.',
  notAnObject: 'il ne contient aucune stratégie (le niveau supérieur doit être un objet JSON).',
  noVersion: 'il n’a pas de version "budgetly" (le format 1 commence par "budgetly": 1).',
  newerVersion: 'il est au format {{version}}, que cette version de Budgetly ne connaît pas (elle lit le format 1).',
  unknownField: '{{where}} contient un champ que Budgetly ne connaît pas : {{fields}}.',
  badField: '{{where}} n’est pas valide.',
  badSyncBounds: 'settings.syncInterval a un "min" plus long que son "max".',
  badConnection: 'la connexion {{number}} n’est pas acceptée : {{why}}',
  repeatedConnection: 'deux connexions s’appellent « {{name}} ».',
  writableByOthers: 'd’autres utilisateurs de cet ordinateur peuvent le modifier (ses autorisations sont {{mode}}). Rendez-le modifiable par les administrateurs seulement (par ex. chmod 644, propriétaire root).',
  folderWritableByOthers: 'd’autres utilisateurs de cet ordinateur peuvent le remplacer (les autorisations de son dossier sont {{mode}}). Rendez le dossier modifiable par les administrateurs seulement.',
  folderOwnedByOther: 'd’autres utilisateurs de cet ordinateur peuvent le remplacer (son dossier appartient à l’ID utilisateur {{uid}}). Le dossier doit appartenir à root.',
  wrongOwner: 'il appartient à un autre utilisateur (ID utilisateur {{uid}}) ; il doit appartenir à root (ou à vous).',
  notConfirmedByAdmin: 'aucun administrateur ne l’a confirmé : sous Windows, tout utilisateur peut créer ce fichier, il ne s’applique donc que si son SHA-256 est la valeur {{value}} sous {{key}}.',
  changedSinceConfirmed: 'il a été modifié depuis qu’un administrateur l’a confirmé (son SHA-256 n’est pas la valeur {{value}} sous {{key}}).',
  locked: '« {{setting}} » est fixé par le fichier de stratégie de votre organisation ({{path}}) et ne peut pas être modifié ici.',
  lockedInterval: 'Cet intervalle de synchronisation sort de ce que permet le fichier de stratégie de votre organisation ({{path}}).',
  settingSignInMethod: 'Se connecter avec',
  settingWeakStorage: 'Stockage moins protégé',
  settingUpdates: 'Mises à jour',
};
