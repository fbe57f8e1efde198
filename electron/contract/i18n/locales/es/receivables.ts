import type { Translation } from '../../translation';
import type { receivables as en } from '../en/receivables';

export const receivables: Translation<typeof en> = {
  heading: 'Cobros y abonos',
  loading: 'Cargando cobros y notas de crédito…',
  none: 'Todavía no se ha aplicado nada a esta factura.',
  payment: 'Cobro',
  credit: 'Nota de crédito',
  paymentReversed: 'Cobro anulado',
  creditReversed: 'Nota de crédito anulada',
  open: 'Abrir en Salesforce',
  noDate: 'Sin fecha',
  arithmetic: 'Cómo se obtiene el saldo',
  total: 'Importe de la factura',
  payments: 'Cobros aplicados',
  credits: 'Abonos aplicados',
  computed: 'Saldo según lo aplicado',
  stated: 'Saldo en Salesforce',
  mismatch: 'El saldo de Salesforce difiere en {{difference}} de lo aplicado. Budgetly muestra ambos y no cambia ninguno: revise la factura en Salesforce.',
  agrees: 'Coincide con el saldo de Salesforce.',
  fullyPaidOn: 'Pagada por completo el {{date}}',
};
