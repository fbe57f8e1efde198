import type { Translation } from '../../translation';
import type { provisioning as en } from '../en/provisioning';

export const provisioning: Translation<typeof en> = {
  title: '¿Añadir esta conexión de Salesforce?',
  fromLink: 'Un enlace de Budgetly pide añadir esta conexión.',
  fromFile: 'El archivo de conexión «{{name}}» pide añadir esta conexión.',
  nothingYet: 'No se añade nada ni se inicia sesión hasta que elija «Añadir e iniciar sesión».',
  name: 'Nombre',
  signsInAt: 'Inicio de sesión en',
  clientId: 'Aplicación (ID de cliente)',
  builtIn: '{{id}} (integrado en Budgetly)',
  method: 'Inicio de sesión',
  window: 'En una ventana de la aplicación',
  browser: 'En su navegador',
  add: 'Añadir e iniciar sesión',
  dontAdd: 'No añadir',
  refusedTitle: 'Esta conexión no se añadió',
  refusedLink: 'No se pudo usar un enlace de Budgetly.',
  refusedFile: 'No se pudo usar el archivo de conexión «{{name}}».',
  close: 'Cerrar',
};
