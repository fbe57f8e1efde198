/** "All connections" (#21): every connected org's invoices in one grid — switcher entry, Org filter, per-org banners and totals. */
export const allConnections = {
  allConnections: 'All connections',
  orgsLegend: 'Orgs',
  orgChip: 'Org: {{org}}',
  staleOffline: '{{org}} cannot be reached: this invoice is as last synced',
  staleReconnect: '{{org}} needs you to sign in again: this invoice is as last synced',
  bannerOffline: '{{org}} cannot be reached. Its invoices as last synced stay in the list, marked in the Org column.',
  bannerReconnect: '{{org}}: the session ended. Its invoices as last synced stay in the list, marked in the Org column.',
  bannerSyncFailed: '{{org}}: the sync failed — {{reason}}',
  syncAll: 'Sync all',
  perOrgShow: 'Totals per org',
  perOrgHide: 'Hide totals per org',
  perOrgCaption: 'Receivables per org and currency',
  invoicesCount: 'Invoices',
  bannerLoadFailed: '{{org}}: its invoices could not be loaded — {{reason}} The totals, aging and export are of the other orgs until they are.',
  bannerLoadLatestFailed: '{{org}}: its latest invoices could not be loaded — {{reason}} Its invoices are as loaded before.',
} as const;
