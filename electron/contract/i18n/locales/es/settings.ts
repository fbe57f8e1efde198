import type { Translation } from '../../translation';
import type { settings as en } from '../en/settings';

export const settings: Translation<typeof en> = {
  title: 'Configuración',
  close: 'Cerrar la configuración',
  done: 'Listo',
  signInLegend: 'Iniciar sesión en Salesforce',
  signInWindow: 'En una ventana de la aplicación',
  signInBrowser: 'Usar mi navegador',
  signInBrowserHint: 'para llaves de seguridad, claves de acceso e inicio de sesión único',
  agingLegend: 'Antigüedad de saldos',
  agingDueDate: 'Días desde el vencimiento',
  agingInvoiceDate: 'Días desde la fecha de factura',
  agingToday: 'A fecha de hoy',
  agingAsOf: 'A fecha de',
  agingAsOfDate: 'Fecha de corte de la antigüedad',
  includeDrafts: 'Contar las facturas en borrador en las cuentas por cobrar',
  includeDraftsHint: 'El saldo, la antigüedad y lo vencido cuentan las facturas contabilizadas; las anuladas nunca cuentan.',
  sourceLegend: 'Facturas de esta conexión',
  sourceHint: 'Qué objeto de Salesforce contiene sus facturas y qué campos muestra Budgetly.',
  sourceButton: 'Origen de las facturas…',
  languageLegend: 'Idioma',
  languageSystem: 'Igual que mi ordenador',
  themeLegend: 'Tema',
  themeSystem: 'Igual que mi ordenador',
  themeLight: 'Claro',
  themeDark: 'Oscuro',
  keepSignedInLegend: 'Mantener la sesión iniciada',
  weakWarning:
    'Este ordenador no tiene un llavero del sistema para cifrar su inicio de sesión en Salesforce. Budgetly lo guarda solo en memoria, así que debe iniciar sesión cada vez que abre la aplicación. Si permite el almacenamiento menos protegido, el inicio de sesión se guarda con una clave que otros programas que se ejecutan con su usuario podrían leer.',
  weakAllow: 'Permitir el almacenamiento menos protegido de mi inicio de sesión en este ordenador',
  encryptedByOs: 'Su sistema operativo cifra su inicio de sesión.',
  weakQuestionTitle: '¿Guardar los inicios de sesión con menos protección?',
  weakQuestionMessage:
    'Este ordenador no tiene un llavero del sistema, así que Budgetly solo puede proteger lo que guarda con una clave que otros programas de este ordenador también podrían usar.',
  weakQuestionDetail:
    'Si lo permite, sus inicios de sesión en Salesforce y la copia sin conexión de sus facturas se guardan con esta protección menor y su sesión sigue iniciada al reiniciar Budgetly. Si no, se guardan solo en memoria y debe iniciar sesión cada vez que abre Budgetly.',
  weakQuestionConfirm: 'Permitir almacenamiento menos protegido',
  weakQuestionCancel: 'Guardar solo en memoria',
  weakDeclinedThisSession:
    'Eligió guardar los inicios de sesión solo en memoria, así que Budgetly no volverá a preguntar hasta que se reinicie. Para permitir el almacenamiento menos protegido, reinicie Budgetly y vuelva a activarlo.',
  policyManaged: 'Su organización gestiona algunos ajustes (archivo de directivas {{path}}).',
  policyLocked: 'Definido por su organización',
  policyIntervalBounds: 'Su organización solo permite algunos de estos intervalos.',
  policyWeakNeverAllowed: 'Su organización no permite el almacenamiento menos protegido en este ordenador.',
  policyPredefined: 'Conexiones añadidas por su organización: {{names}}.',
};
