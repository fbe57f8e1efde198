import { CURRENCIES } from './data/accounts.ts';
import type { InvoiceObjectName, OrgOptions } from './types.ts';

export type ResolvedOptions = Required<Omit<OrgOptions, 'refreshTtl'>> & { refreshTtl?: number };

export const INVOICE_OBJECTS: InvoiceObjectName[] = ['Invoice', 'blng__Invoice__c', 'Invoice__c'];

export function resolveOptions(options: OrgOptions = {}): ResolvedOptions {
  // An explicit empty list is an org without any invoice object (what the app's "no invoices found" screen is for).
  const objects = options.objects ? [...new Set(options.objects)] : ['Invoice' as const];
  for (const o of objects) {
    if (!INVOICE_OBJECTS.includes(o)) throw new Error(`unknown invoice object ${o}`);
  }
  const corporate = (options.corporateCurrency ?? 'USD').toUpperCase();
  if (!CURRENCIES.includes(corporate as never)) throw new Error(`unknown corporate currency ${options.corporateCurrency} (one of ${CURRENCIES.join(', ')})`);
  if (options.datedRates && !options.multiCurrency) throw new Error('dated rates need a multi-currency org (multiCurrency / --multi-currency)');
  return {
    port: options.port ?? 0,
    seed: options.seed ?? 42,
    invoices: options.invoices ?? 2500,
    objects,
    multiCurrency: options.multiCurrency ?? false,
    corporateCurrency: corporate,
    datedRates: options.datedRates ?? false,
    batchSize: clampBatch(options.batchSize ?? 2000),
    clientId: options.clientId ?? 'budgetly-demo',
    redirectUris: options.redirectUris?.length
      ? options.redirectUris
      : ['http://localhost:1717/OauthRedirect'],
    username: options.username ?? 'demo@budgetly.test',
    orgName: options.orgName ?? 'Budgetly Demo Org',
    password: options.password ?? 'budgetly',
    sessionTtl: options.sessionTtl ?? 7200,
    rotateRefresh: options.rotateRefresh ?? false,
    refreshTtl: options.refreshTtl,
    latency: options.latency ?? 0,
    requestLimit: options.requestLimit ?? 15000,
    payments: options.payments ?? true,
    unappliedShare: Math.min(1, Math.max(0, options.unappliedShare ?? 0.1)),
    now: options.now ?? Date.now,
  };
}

export function clampBatch(n: number): number {
  if (!Number.isFinite(n)) return 2000;
  return Math.min(2000, Math.max(200, Math.floor(n)));
}
