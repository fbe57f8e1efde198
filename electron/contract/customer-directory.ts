import { customerKey, NO_CUSTOMER } from './customer-aging';

/**
 * Who an invoice is for, as the aging report, its XLSX, the customer filter and "Show in list" tell customers apart —
 * the way the customer view and statements do: by the account's id (`InvoiceRow.customerId`) when the copy has it,
 * else by the name the grid shows. Two accounts of one name are two customers; an account renamed in Salesforce is one,
 * under the name it has now. A customer's *key* is a string: `accountKey(id)` for an account, else the name itself (or
 * NO_CUSTOMER), so a saved view's customer filter by name (before account keys) still means what it meant.
 */

type Named = { customer: string | null; customerId?: string | undefined; invoiceDate?: string | null; lastModified?: string | null };

/** An account's key starts with a NUL character (no account name has one), then the account id. */
const ACCOUNT = '\u0000account:';
/** Between an account's key and the label it was picked by, in a customer filter's value. */
const LABEL = '\u0000';

/** The key of the customer that is this Salesforce account. */
export function accountKey(account: string): string {
  return ACCOUNT + account;
}

/** The account id of an account's key (or customer filter value); null for a name (or NO_CUSTOMER). */
export function accountOfKey(key: string): string | null {
  if (!key.startsWith(ACCOUNT)) return null;
  const end = key.indexOf(LABEL, ACCOUNT.length);
  return key.slice(ACCOUNT.length, end < 0 ? undefined : end);
}

/**
 * The customer filter's value for a customer: its key and, for an account, the label it was picked by — so a chip,
 * a view's notice and an XLSX Summary say who it is without the rows (an account has no name of its own in the key).
 * The filter finds the account by its id alone (customerMatcher), whatever its name is now.
 */
export function customerFilterValue(key: string, label: string): string {
  const account = accountOfKey(key);
  if (account === null) return key;
  const head = `${accountKey(account)}${LABEL}`;
  // A view keeps a customer filter of up to 255 characters (saved-views.ts): a long label is cut, never the id.
  return head + label.slice(0, Math.max(0, MAX_FILTER_VALUE - head.length));
}

/** The longest customer filter value a saved view keeps (saved-views.ts). */
const MAX_FILTER_VALUE = 255;

/** The customer filter's value of the customer the customer view shows: its account (under its label among `customers`), else its name. */
export function customerFilterOf(who: { name: string; account?: string | undefined }, customers: CustomerDirectory): string {
  if (!who.account) return who.name;
  const key = accountKey(who.account);
  return customerFilterValue(key, customers.label(key));
}

/** What a customer filter's value (or key) says to the user: the label it was picked by, the account id, or the name. */
export function labelOfFilterValue(value: string): string {
  const account = accountOfKey(value);
  if (account === null) return value;
  const at = value.indexOf(LABEL, ACCOUNT.length);
  return at < 0 ? account : value.slice(at + LABEL.length);
}

/** The key of an invoice's customer: its account when the copy has the id, else its name (NO_CUSTOMER when empty). */
export function customerOf(row: Named): string {
  return row.customerId ? accountKey(row.customerId) : customerKey(row);
}

/**
 * Whether an invoice is the customer's of `key` (or customer filter value), as one function per key (a filter asks it
 * of every row): the account's (whatever name the invoice was synced with), or — a key that is a name (a text
 * customer, an older copy, a view saved before account keys) — any invoice of that name.
 */
export function customerMatcher(key: string): (row: Named) => boolean {
  const account = accountOfKey(key);
  return account !== null ? (row) => row.customerId === account : (row) => customerKey(row) === key;
}

/**
 * Whether `a` carries a newer name of its account than `b`: the row Salesforce gave last (its SystemModstamp,
 * `lastModified`) has the name the account has now. An account renamed in Salesforce does not touch its invoices, so
 * an incremental sync fetches again only the invoices that changed: the others keep the old name, whatever their date.
 * Rows without a stamp fall back to the later invoice date.
 */
export function newerName(a: Named, b: Named): boolean {
  const am = a.lastModified ?? '';
  const bm = b.lastModified ?? '';
  if (am !== bm) return am > bm;
  return (a.invoiceDate ?? '') > (b.invoiceDate ?? '');
}

/** The customers of a set of invoices, each under a label no other one of them has. */
export interface CustomerDirectory {
  /** Every customer's key, by label (locale-aware), NO_CUSTOMER last. */
  keys: readonly string[];
  /**
   * What the user reads of a key (or a customer filter's value): the account's name now (from its row Salesforce gave last); a name two accounts share gets
   * the account id — "Acme Corp (001…)" — so the two lines, options and chips can be told apart. NO_CUSTOMER stays
   * NO_CUSTOMER (the caller says it in the user's language). A key that names no customer of the rows:
   * labelOfFilterValue.
   */
  label(key: string): string;
  /** The key whose label this is, or undefined. */
  keyOfLabel(label: string): string | undefined;
  /** Whether a customer filter of this key (or value) finds invoices here (an account's, or any invoice of a name). */
  has(key: string): boolean;
}

const directories = new WeakMap<readonly Named[], CustomerDirectory>();

/** The directory of these rows, built once per rows array (a sync or an as-of change makes a new one). */
export function customerDirectory(rows: readonly Named[]): CustomerDirectory {
  let directory = directories.get(rows);
  if (!directory) {
    const builder = new DirectoryBuilder();
    builder.add(rows);
    builder.finish(rows);
    directory = directories.get(rows)!;
  }
  return directory;
}

/**
 * The directory of a list read window by window, in order (the renderer's list parts: each window while the next one
 * crosses), as one pass over the rows reads them: `finish(rows)` — the windows' rows one after the other — makes what
 * `customerDirectory(rows)` then answers.
 */
export class DirectoryBuilder {
  /** Each account's row with its newest name (see newerName), the names met, whether an invoice has no customer. */
  private readonly accounts = new Map<string, Named>();
  private readonly names = new Set<string>();
  /** A name none of whose invoices has an account id (a text customer, an older copy) is a customer of its own. */
  private readonly plain = new Set<string>();
  private none = false;

  add(rows: readonly Named[]): void {
    const { accounts, names, plain } = this;
    for (const row of rows) {
      if (row.customer === null || row.customer === '') {
        if (!row.customerId) this.none = true;
        else if (!accounts.has(row.customerId)) accounts.set(row.customerId, row);
        continue;
      }
      names.add(row.customer);
      if (!row.customerId) {
        plain.add(row.customer);
        continue;
      }
      const seen = accounts.get(row.customerId);
      if (!seen || !seen.customer || newerName(row, seen)) accounts.set(row.customerId, row);
    }
  }

  finish(rows: readonly Named[]): void {
    directories.set(rows, directoryOf(this.accounts, this.names, this.plain, this.none));
  }
}

function directoryOf(accounts: ReadonlyMap<string, Named>, names: ReadonlySet<string>, plain: ReadonlySet<string>, none: boolean): CustomerDirectory {
  // The name each customer is shown with, and how many customers (accounts, plain names) show that name.
  const nameOf = new Map<string, string>();
  const holders = new Map<string, number>();
  const hold = (key: string, name: string) => {
    nameOf.set(key, name);
    holders.set(name, (holders.get(name) ?? 0) + 1);
  };
  for (const [account, row] of accounts) hold(accountKey(account), row.customer || account);
  for (const name of plain) hold(name, name);
  const labels = new Map<string, string>();
  for (const [key, name] of nameOf) {
    const account = accountOfKey(key);
    labels.set(key, account !== null && holders.get(name)! > 1 ? `${name} (${account})` : name);
  }
  const byLabel = new Map([...labels].map(([key, label]) => [label, key]));
  const keys = [...labels.keys()].sort((a, b) => compareText(labels.get(a)!, labels.get(b)!));
  if (none) keys.push(NO_CUSTOMER);
  const keyOf = (value: string) => {
    const account = accountOfKey(value);
    return account === null ? value : accountKey(account);
  };
  return {
    keys,
    label: (value) => labels.get(keyOf(value)) ?? labelOfFilterValue(value),
    keyOfLabel: (label) => byLabel.get(label) ?? (label === NO_CUSTOMER && none ? NO_CUSTOMER : undefined),
    has: (value) => labels.has(keyOf(value)) || (value === NO_CUSTOMER ? none : names.has(value)),
  };
}

/** Locale-aware, then by code unit (two labels that compare equal still have one order). */
function compareText(a: string, b: string): number {
  return a.localeCompare(b) || (a < b ? -1 : a > b ? 1 : 0);
}
