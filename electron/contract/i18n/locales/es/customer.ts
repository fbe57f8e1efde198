import type { Translation } from '../../translation';
import type { customer as en } from '../en/customer';

export const customer: Translation<typeof en> = {
  show: 'Mostrar el cliente {{customer}}',
  close: 'Cerrar la vista del cliente',
  matchedBy: 'Los pagos y notas de crédito son los de las cuentas de Salesforce llamadas {{customer}}.',
  sharedName: '{{n}} cuentas de Salesforce tienen este nombre: sus pagos y notas de crédito se muestran juntos.',
  openBalance: 'Saldo pendiente',
  overdue: 'Vencido',
  invoicesHeading: 'Facturas',
  noInvoices: 'No hay facturas de este cliente en la copia sin conexión.',
  paymentsHeading: 'Pagos',
  noPayments: 'No hay pagos de este cliente.',
  creditsHeading: 'Notas de crédito aún no aplicadas',
  noCredits: 'No hay notas de crédito pendientes de aplicar.',
  unappliedCash: 'Cobros no aplicados',
  unappliedCredits: 'Créditos no aplicados',
  unappliedHint: 'Recibido o emitido pero no aplicado a ninguna factura: reduce lo que el cliente debe en total, no una factura concreta.',
  number: 'Número',
  date: 'Fecha',
  method: 'Tipo',
  amount: 'Importe',
  applied: 'Aplicado',
  unapplied: 'No aplicado',
  openInSalesforce: 'Abrir en Salesforce',
  showInvoice: 'Mostrar la factura {{number}}',
  loading: 'Cargando pagos y notas de crédito…',
};
