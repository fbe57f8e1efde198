import type { Translation } from '../../translation';
import type { invoiceDetail as en } from '../en/invoiceDetail';

export const invoiceDetail: Translation<typeof en> = {
  title: 'Factura {{number}}',
  close: 'Cerrar detalles (Esc)',
  noCustomer: 'Sin cliente',
  openInSalesforce: 'Abrir en Salesforce',
  cachedOnly: 'Se muestra la copia de su última sincronización. Las líneas de factura y los demás campos necesitan Salesforce: {{reason}}',
  loadingLines: 'Cargando líneas de factura…',
  lineItems: 'Líneas de factura',
  allFields: 'Todos los campos',
  fields: 'Campos',
  invoiceNumber: 'Número de factura',
  yes: 'Sí',
  no: 'No',
  noLines: 'Sin líneas de factura.',
  item: 'Concepto',
  quantity: 'Cant.',
  unitPrice: 'Precio unitario',
  amount: 'Importe',
};
