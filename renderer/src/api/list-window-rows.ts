import type { InvoiceListRow } from '../../../electron/contract';
import { decodeInvoiceColumns, type InvoiceColumns, type SharedStrings } from '../../../electron/contract/invoice-columns';
import { BridgeError } from './result';

/**
 * A list window whose columns do not fit together (what a broken core could send): the window says so in the user's
 * language (`workspace:listWindowUnreadable`, where the list's error is shown); the developer's detail — which column,
 * which row — goes to the window's log, never on screen.
 */
export class UnreadableListWindow extends BridgeError {
  /** Its words: a key of the catalogue's `workspace` namespace. */
  readonly words = 'listWindowUnreadable' as const;
  constructor() {
    super('INTERNAL', 'The invoice list window could not be read.');
    this.name = 'UnreadableListWindow';
  }
}

/**
 * The rows of a window that crossed as columns (`invoices.listColumns`); malformed columns make no row
 * (UnreadableListWindow). `shared`: the load's shared values, so every window's rows hold one string per customer, date …
 */
export function listWindowRows(columns: InvoiceColumns, log: (...details: unknown[]) => void = console.error, shared?: SharedStrings): InvoiceListRow[] {
  try {
    return decodeInvoiceColumns(columns, shared);
  } catch (error) {
    log('An invoice list window could not be read:', error instanceof Error ? error.message : error);
    throw new UnreadableListWindow();
  }
}
