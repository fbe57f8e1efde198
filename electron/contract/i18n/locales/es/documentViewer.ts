import type { Translation } from '../../translation';
import type { documentViewer as en } from '../en/documentViewer';

export const documentViewer: Translation<typeof en> = {
  openPdf: 'PDF de la factura',
  title: 'Factura {{number}} — PDF',
  close: 'Cerrar el PDF (Esc)',
  loading: 'Cargando el PDF…',
  toolbar: 'Herramientas del PDF',
  pageOf: 'Página {{page}} de {{count}}',
  pageLabel: 'Página {{page}}',
  previousPage: 'Página anterior (Re Pág)',
  nextPage: 'Página siguiente (Av Pág)',
  zoomIn: 'Ampliar (Ctrl+=)',
  zoomOut: 'Reducir (Ctrl+−)',
  fitWidth: 'Ajustar al ancho',
  tryAgain: 'Reintentar',
  noDocument: 'No hay PDF en Salesforce para esta factura.',
  offlineNoCopy: 'No se puede acceder a Salesforce y este PDF no se ha guardado en este equipo. Ábralo una vez con conexión para tenerlo sin conexión.',
  keptCopy: 'No se puede acceder a Salesforce: se muestra la copia guardada el {{date}}.',
  passwordProtected: 'Este PDF está protegido con contraseña. Introdúzcala para verlo.',
  wrongPassword: 'Esa contraseña no abre este PDF.',
  password: 'Contraseña',
  openWithPassword: 'Abrir',
  unreadable: 'Este archivo no se puede mostrar: no es un PDF legible. Ábralo en Salesforce para comprobarlo.',
};
