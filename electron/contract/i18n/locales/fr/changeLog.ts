import type { Translation } from '../../translation';
import type { changeLog as en } from '../en/changeLog';

export const changeLog: Translation<typeof en> = {
  openHint: 'Ce que les synchronisations de cette session ont ajouté, modifié et supprimé',
  title: 'Ce qui a changé',
  close: 'Fermer',
  none: 'Aucune synchronisation depuis le démarrage de Budgetly.',
  syncAt: 'Synchronisation {{when}} : {{summary}}',
  added: 'Nouvelles',
  changed: 'Modifiées',
  deleted: 'Supprimées dans Salesforce',
  changedFields: 'Modifié : {{fields}}',
  more_one: '… et {{count}} autre',
  more_other: '… et {{count}} autres',
  more_many: '… et {{count}} d’autres',
  keptInMemory: 'Conservé jusqu’à la fermeture de Budgetly ; non enregistré sur le disque.',
};
