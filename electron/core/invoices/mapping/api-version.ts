import { englishMessage } from '../../../contract/i18n/spoken-messages';
import { AppError } from '../../../contract';

/** The newest API version the app was written and tested against (Summer '26). */
export const MAX_API_VERSION = 67;
/** The standard `Invoice` object (Revenue Cloud Billing) exists from v62.0 on. */
export const STANDARD_INVOICE_MIN_VERSION = 62;
/** Below this the REST query and describe answers the app relies on are too old. */
const MIN_SUPPORTED_VERSION = 40;

/**
 * Picks the API version to pin from the org's `GET /services/data/` list: the highest one the org
 * offers that is not newer than the app knows. Returned as Salesforce spells it ('62.0').
 */
export function chooseApiVersion(offered: readonly { version: string }[]): string {
  const usable = offered
    .map((entry) => Number.parseFloat(entry.version))
    .filter((version) => Number.isFinite(version) && version >= MIN_SUPPORTED_VERSION && version <= MAX_API_VERSION);
  if (usable.length === 0) {
    throw new AppError('SALESFORCE_ERROR', englishMessage('noUsableApiVersion', { min: `${MIN_SUPPORTED_VERSION}.0`, max: `${MAX_API_VERSION}.0` }));
  }
  return Math.max(...usable).toFixed(1);
}

export function supportsStandardInvoice(apiVersion: string): boolean {
  return Number.parseFloat(apiVersion) >= STANDARD_INVOICE_MIN_VERSION;
}
