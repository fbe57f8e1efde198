import type { Translation } from '../../translation';
import type { common as en } from '../en/common';

export const common: Translation<typeof en> = {
  loading: 'Cargando…',
  couldNotStart: 'Budgetly no pudo iniciarse: {{reason}}',
  appVersion: 'Budgetly {{version}}',
  protectionOs: 'Inicios de sesión cifrados por su sistema operativo',
  protectionBasicText: 'Sin llavero del sistema: inicios de sesión solo para esta sesión',
  protectionUnavailable: 'Cifrado no disponible: inicios de sesión solo para esta sesión',
  protectionWeakStored: 'Sin llavero del sistema: inicios de sesión guardados con menos protección',
  settingsFailed: 'Budgetly no pudo cargar su configuración',
  connectionsFailed: 'Budgetly no pudo cargar sus conexiones guardadas',
  nothingChanged: 'No se ha cambiado nada: sus conexiones y facturas están como las dejó.',
  tryAgain: 'Reintentar',
  thousandsShort: 'mil',
  menuView: 'Ver',
  loginWindowTitle: 'Iniciar sesión en Salesforce – Budgetly',
  menuHelpClientApp: 'Crear una External Client App en Salesforce',
  browserPageNotFoundTitle: 'No encontrado',
  browserPageNotFound: 'Esta dirección solo la usa el inicio de sesión de Budgetly.',
  browserPageOtherTitle: 'No es este inicio de sesión',
  browserPageOther: 'Esta respuesta no corresponde al inicio de sesión que Budgetly espera. Vuelva a Budgetly.',
  browserPageFailedTitle: 'Inicio de sesión no completado',
  browserPageFailed: 'Puede cerrar esta pestaña y volver a Budgetly.',
  browserPageDoneTitle: 'Ha iniciado sesión',
  browserPageDone: 'Puede volver a Budgetly. Esta pestaña se puede cerrar.',
};
