import type { Translation } from '../../translation';
import type { changeLog as en } from '../en/changeLog';

export const changeLog: Translation<typeof en> = {
  openHint: 'Lo que las sincronizaciones de esta sesión añadieron, cambiaron y eliminaron',
  title: 'Qué ha cambiado',
  close: 'Cerrar',
  none: 'Ninguna sincronización desde que se inició Budgetly.',
  syncAt: 'Sincronización {{when}}: {{summary}}',
  added: 'Nuevas',
  changed: 'Modificadas',
  deleted: 'Eliminadas en Salesforce',
  changedFields: 'Cambiado: {{fields}}',
  more_one: '… y {{count}} más',
  more_other: '… y {{count}} más',
  more_many: '… y {{count}} más',
  keptInMemory: 'Se conserva hasta cerrar Budgetly; no se guarda en el disco.',
};
