import { AppError, type InvoiceListRow } from '../../contract';
import { customerDirectory } from '../../contract/customer-directory';
import { englishMessage } from '../../contract/i18n/spoken-messages';
import type { CoreDeps } from '../core-deps';
import { exportCombined, type CombinedSource } from '../export/export-combined';
import { exportConversion } from '../export/export-conversion';
import { exportFacts } from '../export/export-facts';
import { exportInvoices } from '../export/export-invoices';
import { exportAgingReport } from '../export/export-report';
import { ExportedFiles } from '../export/exported-files';
import type { CoreWords } from '../i18n/core-words';
import type { Handlers } from '../ipc/dispatcher';
import type { ConnectionDirectory } from '../module-links';
import type { InvoiceRepository } from './cache/invoice-repository';
import type { MappingService } from './mapping/mapping-service';
import { applicationRows } from './read/application-rows';
import { balancesAsOf, changesAsOf, withBalancesAsOf } from './read/balance-as-of';
import { currencyRates } from './read/currency-rates';
import { copyExportRows } from './read/export-rows';
import { statusesOf } from './read/ordered-rows';
import { listRowsOf, paymentFiguresState } from './read/payment-figures';
import type { Snapshot } from './snapshot/snapshot';
import { rowOfId } from './snapshot/row-table';

/** What the invoices module lends its exports: the ports, the copies, the mappings and the rows by id of a copy. */
export interface InvoiceExportLinks {
  deps: Pick<CoreDeps, 'shell' | 'saveDialog' | 'events' | 'logger' | 'clock'>;
  directory: ConnectionDirectory;
  words: Pick<CoreWords, 't' | 'locale'>;
  repository: InvoiceRepository;
  mappings: MappingService;
  /** Rows by id with their payment figures (made once per copy). */
  indexOf: (snapshot: Snapshot) => Map<string, InvoiceListRow>;
  /** Throws NOT_FOUND when the connection is gone. */
  known: (connectionId: string) => void;
}

/**
 * `invoices.export` (CSV / XLSX of the rows asked, one org's or several orgs' combined, the aging report) and
 * `invoices.openExport`, with the files this session's exports wrote: the only ones it may open or show.
 */
export function createInvoiceExports({ deps, directory, words, repository, mappings, indexOf, known }: InvoiceExportLinks): {
  handlers: Pick<Handlers, 'invoices.export' | 'invoices.openExport'>;
  exported: ExportedFiles;
} {
  // The files this session's exports wrote: the only ones invoices.openExport may open or show.
  const exported = new ExportedFiles(deps.shell);
  const exportPorts = () => ({ saveDialog: deps.saveDialog, events: deps.events, t: words.t, locale: words.locale() });
  /** A connection's rows for a combined export, as the one-org export reads them (balances as of the date when its applications allow). */
  const combinedSource = async (connectionId: string, asked: { asOf: string; balancesAsOf?: boolean }): Promise<CombinedSource | null> => {
    const connection = directory.get(connectionId);
    const snapshot = connection ? await repository.current(connectionId) : null;
    if (!connection || !snapshot) return null;
    const asOf = asked.balancesAsOf === true && paymentFiguresState(snapshot.related) === 'available';
    // Balances and payment figures as of the day, as the screen shows them (changesAsOf: one walk gives both).
    const then = asOf ? changesAsOf(snapshot, indexOf(snapshot), asked.asOf) : null;
    const rows = then ? withBalancesAsOf(indexOf(snapshot), then.balances, then.figures) : indexOf(snapshot);
    return {
      rows,
      statusKinds: mappings.statusKinds(connectionId, statusesOf(snapshot)),
      label: connection.label,
      // The XLSX's Applications and Summary sheets, as one org's export has them.
      applicationsOf: (exported) => applicationRows(snapshot.related, exported, asOf ? asked.asOf : undefined),
      facts: exportFacts(connection, snapshot.syncedAt, deps.clock.now()),
    };
  };
  /** Writes an export, keeping its path for Open / Show in folder; a failure to write is a STORAGE error with no path or stack. */
  const writingExport = async (write: () => Promise<{ path: string | null; rows: number }>) => {
    try {
      const result = await write();
      if (result.path) exported.add(result.path);
      return result;
    } catch (error) {
      if (error instanceof AppError) throw error;
      deps.logger.warn('Export failed', { code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
      throw new AppError('STORAGE', englishMessage('exportWriteFailed'), { cause: error });
    }
  };

  const handlers: Pick<Handlers, 'invoices.export' | 'invoices.openExport'> = {
    'invoices.openExport': async ({ path, how }) => exported.open(path, how),
    'invoices.export': async ({ connectionId, ...asked }) => {
      known(connectionId);
      if (asked.combined) return writingExport(() => exportCombined({ ...asked, combined: asked.combined! }, (id) => combinedSource(id, asked), exportPorts()));
      const snapshot = await repository.current(connectionId);
      if (!snapshot) throw new AppError('NOT_FOUND', englishMessage('exportNothingYet'));
      // Balances move back to the as-of date only with the applications synced (as the screen's as-of note says):
      // otherwise they are the last sync's, and the Summary sheet must say so.
      const request = { ...asked, balancesAsOf: asked.balancesAsOf === true && paymentFiguresState(snapshot.related) === 'available' };
      return writingExport(async () => {
        const conversion = request.conversion ? exportConversion(currencyRates(snapshot), request.conversion.basis, request.asOf) : null;
        const statusKinds = mappings.statusKinds(connectionId, statusesOf(snapshot));
        const ports = exportPorts();
        const facts = exportFacts(directory.get(connectionId), snapshot.syncedAt, deps.clock.now());
        if (request.report === 'agingByCustomer') {
          // The rows as the screen shows them: balances as of a chosen date, and what counts as a receivable.
          const rows = request.balancesAsOf ? withBalancesAsOf(indexOf(snapshot), balancesAsOf(snapshot, indexOf(snapshot), request.asOf)) : indexOf(snapshot);
          return exportAgingReport(request, rows, ports, conversion, statusKinds, facts, customerDirectory(listRowsOf(snapshot)));
        }
        // The same rows read from the copy's columns place by place as they are written (no row object per invoice).
        const balances = request.balancesAsOf ? balancesAsOf(snapshot, { get: (id) => rowOfId(snapshot, id) }, request.asOf) : undefined;
        return exportInvoices(request, copyExportRows(snapshot, balances, request.balancesAsOf ? request.asOf : undefined), ports, (exported) => applicationRows(snapshot.related, exported, request.balancesAsOf ? request.asOf : undefined), conversion, statusKinds, facts);
      });
    },
  };
  return { handlers, exported };
}
