import type { Translation } from '../../translation';
import type { report as en } from '../en/report';

export const report: Translation<typeof en> = {
  customer: 'Cliente',
  anyCustomer: 'Todos los clientes',
  noCustomer: '(sin cliente)',
  customerHint: 'Elija o escriba el nombre del cliente tal como lo muestra la tabla',
};
