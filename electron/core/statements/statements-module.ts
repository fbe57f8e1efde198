import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../contract';
import { NO_CUSTOMER } from '../../contract/customer-aging';
import { englishMessage } from '../../contract/i18n/spoken-messages';
import type { CoreDeps } from '../core-deps';
import type { ExportedFiles } from '../export/exported-files';
import type { CoreWords } from '../i18n/core-words';
import type { Handlers } from '../ipc/dispatcher';
import type { ConnectionDirectory } from '../module-links';
import type { SettingsService } from '../settings/settings-service';
import { writeBytesAtomically } from '../invoices/cache/atomic-file';
import { writeStatements } from './statement-batch';
import { StatementNames } from './statement-file-name';
import { renderStatement, type StatementContext } from './statement-render';
import type { StatementSource } from './statement-source';

export type StatementHandlers = Pick<Handlers, 'statements.save' | 'statements.saveMany' | 'statements.cancel'>;

export interface StatementsModule {
  handlers: StatementHandlers;
  dispose(): Promise<void>;
}

/**
 * Customer statements of account (issue #15): read from the offline copy, laid out as HTML in the core, printed to
 * PDF through the `PdfPrinter` port and written where the user said (the save dialog, a folder) or to the app's
 * temporary folder to open. Every path written is added to `exported`, so Open / Show in folder work on it and on
 * nothing else.
 */
export function createStatementsModule(
  deps: Pick<CoreDeps, 'saveDialog' | 'folderDialog' | 'pdfPrinter' | 'shell' | 'events' | 'logger'>,
  links: { copy: StatementSource; exported: ExportedFiles; settings: SettingsService; words: Pick<CoreWords, 't' | 'locale'>; directory: ConnectionDirectory },
): StatementsModule {
  let openFolder: Promise<string> | null = null;
  let running: { cancelled: boolean } | null = null;
  const t = () => links.words.t;

  const contextFor = async (connectionId: string, asOf: string): Promise<StatementContext> => {
    const copy = await links.copy(connectionId, asOf);
    if (!copy) throw new AppError('NOT_FOUND', englishMessage('exportNothingYet'));
    const settings = links.settings.get();
    return {
      copy,
      basis: settings.agingBasis,
      header: { firmName: settings.firmName, org: links.directory.get(connectionId)?.label ?? '' },
      t: t(),
      locale: links.words.locale(),
      printer: deps.pdfPrinter,
    };
  };
  const checkCustomer = (customer: string) => {
    if (customer === NO_CUSTOMER) throw new AppError('INVALID_INPUT', englishMessage('statementNoCustomer'));
  };
  const suffix = (asOf: string) => `${t()('statements:fileName')} ${asOf}`;

  const handlers: StatementHandlers = {
    'statements.save': async ({ connectionId, customer, account, asOf, period, how }) => {
      checkCustomer(customer);
      const context = await contextFor(connectionId, asOf);
      const name = new StatementNames(suffix(asOf), t()('statements:fileName')).next(customer);
      let path: string | null;
      if (how === 'save') {
        path = await deps.saveDialog.choosePath({ defaultName: name, filters: [{ name: t()('statements:filePdf'), extensions: ['pdf'] }] });
        if (path === null) return { path: null };
      } else {
        openFolder ??= mkdtemp(join(tmpdir(), 'budgetly-statements-'));
        const folder = await openFolder;
        path = join(folder, new StatementNames(suffix(asOf), t()('statements:fileName'), (taken) => existsSync(join(folder, taken))).next(customer));
      }
      const bytes = await printed(() => renderStatement({ customer, account, asOf, period: period ?? null }, context));
      await written(() => writeBytesAtomically(path, bytes));
      links.exported.add(path);
      if (how === 'open') await links.exported.open(path, 'open');
      return { path };
    },
    'statements.saveMany': async ({ connectionId, customers: asked, asOf, period }) => {
      // Each customer once: a name alone, or a name with its account id (two accounts of one name are two statements).
      const customers = [...new Map(asked.map((c) => (typeof c === 'string' ? { name: c } : c)).map((c) => [`${c.account ?? ''}\u0000${c.name}`, c])).values()];
      if (running) throw new AppError('FORBIDDEN', englishMessage('statementBusy'));
      customers.forEach((c) => checkCustomer(c.name));
      // Busy from here, before the first await: a second batch asked meanwhile is refused, not run beside this one
      // (into the same folder, with one Cancel for two).
      const job = (running = { cancelled: false });
      try {
        const context = await contextFor(connectionId, asOf);
        const folder = await deps.folderDialog.chooseFolder({ title: t()('statements:folderTitle') });
        if (folder === null) return { folder: null, written: 0, total: customers.length, cancelled: false };
        const names = new StatementNames(suffix(asOf), t()('statements:fileName'), (name) => existsSync(join(folder, name)));
        const result = await writeStatements({
          customers,
          isCancelled: () => job.cancelled,
          write: async ({ name, account }) => {
            const path = join(folder, names.next(name));
            const bytes = await printed(() => renderStatement({ customer: name, account, asOf, period: period ?? null }, context));
            await written(() => writeBytesAtomically(path, bytes));
            links.exported.add(path);
          },
          onProgress: (done, total) => deps.events.emit('statements.progress', { written: done, total }),
        });
        return { folder, ...result };
      } finally {
        running = null;
      }
    },
    'statements.cancel': () => {
      if (running) running.cancelled = true;
      return null;
    },
  };

  async function printed(print: () => Promise<Uint8Array>): Promise<Uint8Array> {
    try {
      return await print();
    } catch (error) {
      if (error instanceof AppError) throw error;
      deps.logger.warn('Statement not printed', { reason: (error as Error).message });
      throw new AppError('INTERNAL', englishMessage('statementPrintFailed', { reason: (error as Error).message }), { cause: error });
    }
  }

  async function written(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      deps.logger.warn('Statement not written', { code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
      throw new AppError('STORAGE', englishMessage('statementWriteFailed'), { cause: error });
    }
  }

  return {
    handlers,
    async dispose() {
      // The temporary copies opened in the OS go with the app (a viewer that still holds one keeps it on Windows).
      if (openFolder) await rm(await openFolder, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}
