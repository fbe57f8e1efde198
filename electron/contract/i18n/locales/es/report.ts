import type { Translation } from '../../translation';
import type { report as en } from '../en/report';

export const report: Translation<typeof en> = {
  customer: 'Cliente',
  anyCustomer: 'Todos los clientes',
  noCustomer: '(sin cliente)',
  customerHint: 'Elija o escriba el nombre del cliente tal como lo muestra la tabla',
  title: 'Antigüedad de saldos por cliente',
  backToInvoices: 'Volver a las facturas',
  rulesDueDate: 'Saldos pendientes de las cuentas por cobrar mostradas (se aplican los filtros), al {{date}}, por días desde el vencimiento.',
  rulesInvoiceDate: 'Saldos pendientes de las cuentas por cobrar mostradas (se aplican los filtros), al {{date}}, por días desde la fecha de factura.',
  caption: '{{currency}}',
  captionCorporate: 'Todas las monedas en {{currency}} (moneda corporativa)',
  total: 'Total',
  showInvoicesOf: 'Mostrar las facturas de {{customer}}',
  showBucketOf: 'Mostrar las facturas de {{customer}}, {{bucket}}: {{amount}}',
  missingRate_one: '{{count}} factura sin tipo de cambio no está en la tabla en {{currency}}.',
  missingRate_many: '{{count}} de facturas sin tipo de cambio no están en la tabla en {{currency}}.',
  missingRate_other: '{{count}} facturas sin tipo de cambio no están en la tabla en {{currency}}.',
  nothingOpen: 'No hay nada pendiente en las facturas mostradas.',
};
