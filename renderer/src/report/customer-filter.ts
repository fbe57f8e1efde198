import type { FilterChip } from '../invoices/chips';
import type { InvoiceFilters } from '../invoices/filters';
import { NO_CUSTOMER } from '../invoices/prepared';

/** Words the customer filter needs (from the catalogue's `report` namespace, given by the component). */
export interface CustomerWords {
  customer: string;
  noCustomer: string;
  chip: (name: string, value: string) => string;
}

/** A customer as the user reads it: the invoices without one are "(no customer)" in their language. */
export function customerLabel(words: Pick<CustomerWords, 'noCustomer'>, customer: string): string {
  return customer === NO_CUSTOMER ? words.noCustomer : customer;
}

/** The customer filter, when on, as one removable chip. */
export function customerFilterChips(filters: InvoiceFilters, words: CustomerWords): FilterChip[] {
  if (filters.customer === null) return [];
  return [{ key: 'customer', label: words.chip(words.customer, customerLabel(words, filters.customer)), without: (f) => ({ ...f, customer: null }) }];
}

/**
 * What the customer box's text stands for: null for an empty box (any customer), the customer whose name (or
 * "(no customer)" label) it is exactly, or undefined while it names none (the filter then stays as it was).
 */
export function customerOfText(text: string, customers: readonly string[], words: Pick<CustomerWords, 'noCustomer'>): string | null | undefined {
  if (text.trim() === '') return null;
  if (text === words.noCustomer && customers.includes(NO_CUSTOMER)) return NO_CUSTOMER;
  return customers.includes(text) ? text : undefined;
}
