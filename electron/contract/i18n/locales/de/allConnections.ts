import type { Translation } from '../../translation';
import type { allConnections as en } from '../en/allConnections';

export const allConnections: Translation<typeof en> = {
  allConnections: 'Alle Verbindungen',
  orgsLegend: 'Orgs',
  orgChip: 'Org: {{org}}',
  staleOffline: '{{org}} ist nicht erreichbar: diese Rechnung ist auf dem Stand der letzten Synchronisierung',
  staleReconnect: '{{org}} erfordert eine erneute Anmeldung: diese Rechnung ist auf dem Stand der letzten Synchronisierung',
  bannerOffline: '{{org}} ist nicht erreichbar. Ihre Rechnungen der letzten Synchronisierung bleiben in der Liste, in der Spalte Org markiert.',
  bannerReconnect: '{{org}}: Die Sitzung ist abgelaufen. Ihre Rechnungen der letzten Synchronisierung bleiben in der Liste, in der Spalte Org markiert.',
  bannerSyncFailed: '{{org}}: Synchronisierung fehlgeschlagen — {{reason}}',
  syncAll: 'Alle synchronisieren',
  perOrgShow: 'Summen je Org',
  perOrgHide: 'Summen je Org ausblenden',
  perOrgCaption: 'Forderungen je Org und Währung',
  invoicesCount: 'Rechnungen',
  bannerLoadFailed: '{{org}}: Die Rechnungen konnten nicht geladen werden — {{reason}} Summen, Fälligkeitsstruktur und Export umfassen bis dahin nur die anderen Orgs.',
  bannerLoadLatestFailed: '{{org}}: Die neuesten Rechnungen konnten nicht geladen werden — {{reason}} Die Rechnungen sind so wie zuvor geladen.',
};
