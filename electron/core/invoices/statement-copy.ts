import type { InvoiceListRow } from '../../contract';
import { customerKey, type CustomerRef } from '../../contract/customer-aging';
import type { StatementSource } from '../statements/statement-source';
import type { InvoiceRepository } from './cache/invoice-repository';
import type { MappingService } from './mapping/mapping-service';
import { balancesAsOf } from './read/balance-as-of';
import { firstCurrency } from './read/copy-lookups';
import { currencyRates } from './read/currency-rates';
import { customerLedger } from './read/customer-ledger';
import { statusesOf } from './read/ordered-rows';
import { paymentFiguresState } from './read/payment-figures';
import type { Snapshot } from './snapshot/snapshot';

/** What customer statements read from the offline copy, as of a day (electron/core/statements): one customer's rows, balances, rates and ledger. */
export function createStatementCopy({ repository, mappings, indexOf, known, say }: {
  repository: InvoiceRepository;
  mappings: MappingService;
  /** Rows by id with their payment figures (made once per copy). */
  indexOf: (snapshot: Snapshot) => Map<string, InvoiceListRow>;
  /** Throws NOT_FOUND when the connection is gone. */
  known: (connectionId: string) => void;
  /** The core's one speaker (a ledger's note in the user's language). */
  say: (message: string) => string;
}): StatementSource {
  return async (connectionId, asOf) => {
    known(connectionId);
    const snapshot = await repository.current(connectionId);
    if (!snapshot) return null;
    // As the screen and the export count an as-of day: balances moved back to it when the applications are dated.
    const dated = paymentFiguresState(snapshot.related) === 'available';
    const balances = dated ? balancesAsOf(snapshot, indexOf(snapshot), asOf) : new Map<string, number>();
    // Grouped once (by account id and by name): a batch of statements reads many customers from one copy.
    const byName = new Map<string, InvoiceListRow[]>();
    const byAccount = new Map<string, InvoiceListRow[]>();
    const add = (index: Map<string, InvoiceListRow[]>, key: string, row: InvoiceListRow) => {
      let rows = index.get(key);
      if (!rows) index.set(key, (rows = []));
      rows.push(row);
    };
    for (const row of indexOf(snapshot).values()) {
      const balance = balances.get(row.id);
      const moved = balance === undefined ? row : { ...row, balance };
      add(byName, customerKey(row), moved);
      if (row.customerId) add(byAccount, row.customerId, moved);
    }
    const fallback = firstCurrency(snapshot);
    const rowsOf = (who: CustomerRef) => (who.account ? byAccount.get(who.account) : byName.get(who.name)) ?? [];
    return {
      rowsOf,
      balancesAsOf: dated,
      statusKinds: mappings.statusKinds(connectionId, statusesOf(snapshot)),
      rates: currencyRates(snapshot),
      ledger: (who) => {
        // The payments' applied, refunded and unapplied as of the statement's day, as its balances are.
        const ledger = customerLedger(snapshot.related, who, rowsOf(who)[0]?.currency ?? fallback, asOf);
        return { ...ledger, note: ledger.note === null ? null : say(ledger.note) };
      },
    };
  };
}
