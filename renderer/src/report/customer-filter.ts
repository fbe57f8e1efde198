import type { FilterChip } from '../invoices/chips';
import type { InvoiceFilters } from '../invoices/filters';
import { NO_CUSTOMER } from '../invoices/prepared';
import { customerFilterValue, labelOfFilterValue, type CustomerDirectory } from '../../../electron/contract/customer-directory';

/** Words the customer filter needs (from the catalogue's `report` namespace, given by the component). */
export interface CustomerWords {
  customer: string;
  noCustomer: string;
  chip: (name: string, value: string) => string;
}

/**
 * A customer (a label, a key or a customer filter's value) as the user reads it: an account by the label it was
 * picked by (customer-directory.ts), the invoices without one "(no customer)" in their language.
 */
export function customerLabel(words: Pick<CustomerWords, 'noCustomer'>, customer: string): string {
  return customer === NO_CUSTOMER ? words.noCustomer : labelOfFilterValue(customer);
}

/** The customer filter, when on, as one removable chip. */
export function customerFilterChips(filters: InvoiceFilters, words: CustomerWords): FilterChip[] {
  if (filters.customer === null) return [];
  return [{ key: 'customer', label: words.chip(words.customer, customerLabel(words, filters.customer)), without: (f) => ({ ...f, customer: null }) }];
}

/**
 * What the customer box's text stands for: null for an empty box (any customer), the filter value of the customer
 * whose label (or "(no customer)") it is exactly — an account by its id, so two accounts of one name, labelled apart,
 * are two choices —, or undefined while it names none (the filter then stays as it was).
 */
export function customerOfText(text: string, customers: CustomerDirectory, words: Pick<CustomerWords, 'noCustomer'>): string | null | undefined {
  if (text.trim() === '') return null;
  if (text === words.noCustomer && customers.has(NO_CUSTOMER)) return NO_CUSTOMER;
  const key = customers.keyOfLabel(text);
  return key === undefined || key === NO_CUSTOMER ? undefined : customerFilterValue(key, text);
}
