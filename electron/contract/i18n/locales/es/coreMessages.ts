import type { Translation } from '../../translation';
import type { coreMessages as en } from '../en/coreMessages';

export const coreMessages: Translation<typeof en> = {
  sessionEnded: 'Su sesión de Salesforce ha finalizado. Vuelva a conectar para continuar; sus facturas descargadas siguen disponibles.',
  signInEnded: 'Salesforce finalizó este inicio de sesión (se revocó o caducó). Vuelva a conectar para continuar; sus facturas descargadas siguen disponibles.',
  instanceMoved: 'Salesforce trasladó este inicio de sesión a otra dirección. Vuelva a conectar para continuar; sus facturas descargadas siguen disponibles.',
  refusedAfterRenewal: 'Salesforce sigue rechazando esta sesión incluso después de renovarla. Vuelva a conectar para continuar; sus facturas descargadas siguen disponibles.',
  savedUnreadable: 'No se pudo abrir el inicio de sesión guardado en este equipo. Vuelva a conectar para continuar.',
  notSignedIn: 'Budgetly ya no tiene la sesión iniciada en esta org. Vuelva a conectar para continuar.',
  savedMissing: 'Falta el inicio de sesión guardado. Vuelva a conectar para continuar.',
  keptInMemoryOnly: 'Budgetly guardó este inicio de sesión solo en memoria, así que terminó al cerrar la aplicación. Vuelva a conectar para continuar.',
  untrustedAddress: 'La respuesta de Salesforce dirigía a Budgetly a {{address}}, que no es una dirección segura de Salesforce, así que Budgetly no la usó. Vuelva a conectar para continuar; sus facturas descargadas siguen disponibles.',
  untrustedAddressRetry: 'La respuesta de Salesforce dirigía a Budgetly a {{address}}, que no es una dirección segura de Salesforce, así que Budgetly no la usó. Vuelva a intentarlo o consulte a su administrador de Salesforce.',
  signOutPending: 'Ha cerrado la sesión en este equipo, pero no se pudo acceder a Salesforce para cerrarla también allí. Budgetly lo hará en cuanto se pueda acceder a Salesforce.',
  signOutNotSent: 'Ha cerrado la sesión en este equipo. Budgetly no cerró la sesión en Salesforce: la dirección de inicio de sesión guardada no es una dirección de Salesforce, así que el token no se envió allí. Por seguridad, revoque el acceso de Budgetly en Salesforce (configuración personal, OAuth Connected Apps).',
};
