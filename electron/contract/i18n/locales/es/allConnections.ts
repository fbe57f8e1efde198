import type { Translation } from '../../translation';
import type { allConnections as en } from '../en/allConnections';

export const allConnections: Translation<typeof en> = {
  allConnections: 'Todas las conexiones',
  orgsLegend: 'Orgs',
  orgChip: 'Org: {{org}}',
  staleOffline: '{{org}} no está accesible: esta factura es la de la última sincronización',
  staleReconnect: '{{org}} requiere iniciar sesión de nuevo: esta factura es la de la última sincronización',
  bannerOffline: '{{org}} no está accesible. Sus facturas de la última sincronización siguen en la lista, marcadas en la columna Org.',
  bannerReconnect: '{{org}}: la sesión ha caducado. Sus facturas de la última sincronización siguen en la lista, marcadas en la columna Org.',
  bannerSyncFailed: '{{org}}: la sincronización ha fallado — {{reason}}',
  syncAll: 'Sincronizar todo',
  perOrgShow: 'Totales por org',
  perOrgHide: 'Ocultar totales por org',
  perOrgCaption: 'Cuentas por cobrar por org y moneda',
  invoicesCount: 'Facturas',
  bannerLoadFailed: '{{org}}: no se pudieron cargar sus facturas — {{reason}} Hasta entonces, los totales, la antigüedad y la exportación son de las demás orgs.',
  bannerLoadLatestFailed: '{{org}}: no se pudieron cargar sus últimas facturas — {{reason}} Sus facturas son las cargadas antes.',
};
