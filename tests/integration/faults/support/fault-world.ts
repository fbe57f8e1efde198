import { expect } from 'vitest';
import type { EventName } from '../../../../electron/contract';
import { startOrg, type OrgOptions, type RunningOrg } from '../../../org';
import { tempDir, TestSecretBox } from '../../../support/test-ports';
import { HttpLoginAgent } from '../../../org';
import { createTestCore, type TestCore as AppInstance } from '../../../support/test-core';

/**
 * One org and one app (the whole core: connections + invoices, real files, a fixed OS key so the app
 * can be "restarted" on the same data folder), signed in through the org's login and consent pages
 * over HTTP. Used by the table-driven fault suites.
 */
export const ORG_OPTIONS: OrgOptions = { invoices: 2500, multiCurrency: true };
/** Faults on follow-up pages only (`/query/<locator>`): the sync is mid-way when they strike. */
export const NEXT_PAGES = '/services/data/v67.0/query/';

export interface InvoiceList {
  invoices: { id: string; balance: number | null }[];
  syncedAt: string | null;
  warnings: string[];
}

export class FaultWorld {
  org!: RunningOrg;
  app!: AppInstance;
  connectionId = '';
  readonly temp = tempDir('budgetly-faults-');
  readonly box = new TestSecretBox();
  readonly agent = new HttpLoginAgent();

  async start(): Promise<void> {
    this.org = await startOrg({ ...ORG_OPTIONS, port: 0 });
    this.app = this.open();
    const added = await this.app.call('connections.add', { label: 'Acme', loginUrl: this.org.url, clientId: 'budgetly-demo' });
    this.connectionId = added.value.id;
    await this.expectOk('connections.connect', { id: this.connectionId });
  }

  /** The app (re)opened on the same data folder with the same OS key. */
  open(): AppInstance {
    return createTestCore({ dataDir: this.temp.dir, secretBox: this.box, loginAgent: this.agent, extraLoginOrigins: [this.org.url] });
  }

  async restart(): Promise<void> {
    await this.app.core.dispose();
    this.app = this.open();
  }

  /** The org stops; the next one listens on the same address (same seed, same invoices; no sessions). */
  async replaceOrg(): Promise<void> {
    const port = Number(new URL(this.org.url).port);
    await this.org.stop();
    this.org = await startOrg({ ...ORG_OPTIONS, port });
  }

  async stop(): Promise<void> {
    await this.app?.core.dispose();
    await this.org?.stop();
    this.temp.remove();
  }

  async expectOk(channel: string, input?: unknown) {
    const result = await this.app.call(channel, input);
    expect(result.ok, `${channel}: ${JSON.stringify(result.error)}`).toBe(true);
    return result.value;
  }

  /** A sync, and what it writes after answering (the copy's first screen): the tests change the disk only then. */
  async sync(mode: 'full' | 'incremental' = 'full') {
    const result = await this.app.call('invoices.sync', { connectionId: this.connectionId, mode });
    await this.app.core.idle();
    return result;
  }

  async list(): Promise<InvoiceList> {
    return (await this.expectOk('invoices.list', { connectionId: this.connectionId })) as InvoiceList;
  }

  async status(): Promise<string> {
    const connections = (await this.expectOk('connections.list')) as { id: string; status: string }[];
    return connections.find((connection) => connection.id === this.connectionId)!.status;
  }

  orgIds(): string[] {
    return this.org.control.records('Invoice').map((record) => record.Id as string).sort();
  }

  /** Runs `action` once the sync has fetched its first page (for faults that strike mid-sync). */
  onFirstPage(action: () => void | Promise<void>): void {
    const stop = this.app.events.listen((event: EventName, payload) => {
      if (event === 'invoices.syncProgress' && (payload as { phase: string; fetched: number }).fetched > 0) {
        stop();
        void action();
      }
    });
  }

  /** Every invoice once: no duplicates in the list. */
  static expectNoDuplicates(list: InvoiceList): void {
    const ids = list.invoices.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
  }
}
