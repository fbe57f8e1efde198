import type { CatalogueT } from '../../contract/i18n/catalogue';

/**
 * The words of Connection details' plain-text diagnostics ("Copy diagnostics"), from the catalogue's
 * `connectionDetails:diag…`, in the language of Settings; numbers in its locale.
 */
export function detailsText(t: CatalogueT, locale: string) {
  const number = (n: number, digits = 0) => n.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return {
    heading: (version: string, platform: string) => t('connectionDetails:diagHeading', { version, platform }),
    none: t('connectionDetails:none'),
    seconds: (ms: number) => t('connectionDetails:diagSeconds', { seconds: number(ms / 1000, 1) }),
    apiUsage: (used: number, max: number, at: string) =>
      t('connectionDetails:diagApiUsage', {
        used: number(used),
        max: number(max),
        percent: (used / max).toLocaleString(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
        at,
      }),
    apiLow: t('connectionDetails:diagApiLow'),
    labels: {
      connection: t('connectionDetails:diagConnection'),
      status: t('connectionDetails:diagStatus'),
      loginUrl: t('connectionDetails:diagLoginUrl'),
      clientId: t('connectionDetails:diagClientId'),
      signInMethod: t('connectionDetails:diagSignInMethod'),
      fromPolicy: t('connectionDetails:diagFromPolicy'),
      user: t('connectionDetails:diagUser'),
      orgId: t('connectionDetails:diagOrgId'),
      instance: t('connectionDetails:diagInstance'),
      apiVersion: t('connectionDetails:diagApiVersion'),
      invoiceObject: t('connectionDetails:diagInvoiceObject'),
      mapping: t('connectionDetails:diagMapping'),
      apiUsage: t('connectionDetails:diagApiUsageLabel'),
      lastSync: t('connectionDetails:diagLastSync'),
      lastError: t('connectionDetails:diagLastError'),
    },
    policy: t('connectionDetails:diagPolicy'),
  };
}
