import type { ChannelName, EventName } from './channels';

/**
 * The contract's channel and event names without its schemas: what the sandboxed preload needs to
 * build `window.budgetly`, so it does not bundle zod. Checked against `channels` and `events` by
 * tests/unit/ipc/channel-names.test.ts (a missing or extra name fails it) and typed against them here.
 */
export const channelNames = [
  'app.info',
  'app.networkChanged',
  'freshness.status',
  'settings.get',
  'settings.set',
  'policy.status',
  'connections.list',
  'connections.add',
  'connections.update',
  'connections.connect',
  'connections.cancelLogin',
  'connections.disconnect',
  'connections.remove',
  'connections.details',
  'invoices.objects',
  'invoices.mapping.get',
  'invoices.mapping.set',
  'invoices.sync',
  'invoices.cancelSync',
  'invoices.list',
  'invoices.listColumns',
  'invoices.get',
  'invoices.document',
  'invoices.saveDocument',
  'invoices.cancelPrefetch',
  'invoices.openInSalesforce',
  'invoices.export',
  'invoices.openExport',
  'invoices.receivables',
  'invoices.receivablesSummary',
  'invoices.customer',
  'invoices.rates',
  'invoices.changeLog',
  'invoices.balancesAsOf',
  'provisioning.pending',
  'provisioning.accept',
  'provisioning.dismiss',
  'updates.status',
  'updates.check',
  'updates.download',
  'updates.restart',
  'updates.openDownloadPage',
  'statements.save',
  'statements.saveMany',
  'statements.cancel',
  'views.list',
  'views.save',
  'views.update',
  'views.delete',
  'views.export',
  'views.import',
] as const satisfies readonly ChannelName[];

export const eventNames = [
  'connections.changed',
  'invoices.syncProgress',
  'invoices.changed',
  'freshness.changed',
  'invoices.exportProgress',
  'provisioning.changed',
  'updates.changed',
  'statements.progress',
  'invoices.prefetchProgress',
  'invoices.recordProgress',
] as const satisfies readonly EventName[];

// A channel or event of the contract missing from the lists above is a compile error (not only a test failure).
type Complete<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;
type AssertTrue<T extends true> = T;
type _ChannelListComplete = AssertTrue<Complete<ChannelName, (typeof channelNames)[number]>>;
type _EventListComplete = AssertTrue<Complete<EventName, (typeof eventNames)[number]>>;
