import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvoiceDetail } from '../../../electron/contract';
import { startOrg, type RunningOrg } from '../../org';
import type { InvoiceObjectName } from '../../org/types';
import { tempDir, TestSecretBox } from '../../support/test-ports';
import { CONNECTION_ID as connectionId, startHarness, type Harness } from '../invoices/support/invoice-harness';
import { loginToOrg, type OrgTokens } from '../invoices/support/org-login';
import { recordPhaseEnded as phaseEnded } from '../invoices/support/record-phase';
import { decodeHead } from '../../../electron/core/invoices/record/record-file';

async function detail(harness: Harness, id: string): Promise<InvoiceDetail> {
  const answer = await harness.call('invoices.get', { connectionId, id });
  expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
  return answer.value as InvoiceDetail;
}

/** Flips a byte inside the chunk holding the invoice's field values: that chunk's seal no longer opens. */
async function damageFieldsOf(file: string, box: TestSecretBox, id: string): Promise<void> {
  const bytes = readFileSync(file);
  const head = await decodeHead(box, async (offset, length) => bytes.subarray(offset, offset + length), bytes.length);
  const chunk = head.chunks.find((c) => c.kind === 'fields' && c.ids.includes(id))!;
  bytes[chunk.offset + (chunk.length >> 1)]! ^= 0xff;
  writeFileSync(file, bytes);
}

/** What the panel shows of a detail (not when it was fetched): the invoice, every field, the terms, the lines. */
const shown = (d: InvoiceDetail) => ({ fields: d.fields, terms: d.terms ?? null, lines: d.lines });

describe('the whole record of every invoice, offline (issue #13)', () => {
  let org: RunningOrg;
  let tokens: OrgTokens;
  /** Syncs, never opens an invoice online: what it shows offline comes from the record copy alone. */
  let app: Harness;
  /** Another app on the same org: what the panel shows online. */
  let online: Harness;
  const temp = tempDir();
  const other = tempDir();
  const box = new TestSecretBox();
  let ids: string[];

  beforeAll(async () => {
    org = await startOrg({ invoices: 300, multiCurrency: true });
    tokens = await loginToOrg(org);
    // Chunks of 50 entries: lines edited and deleted later sit in chunks an incremental phase copies, rewrites or leaves.
    app = await startHarness(org, temp.dir, { secretBox: box, tokens, tuning: { pageSize: 200, record: { chunkEntries: 50 } }, recordPhase: true });
    online = await startHarness(org, other.dir, { tokens });
    expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
    expect((await online.call('invoices.sync', { connectionId })).ok).toBe(true);
    const records = org.control.records('Invoice');
    // EUR with cents, JPY in whole yen, the first and the last: a few of every kind.
    ids = [
      records.find((r) => r.CurrencyIsoCode === 'EUR' && !Number.isInteger(r.TotalAmountWithTax as number))!.Id as string,
      records.find((r) => r.CurrencyIsoCode === 'JPY')!.Id as string,
      records[0]!.Id as string,
      records.at(-1)!.Id as string,
    ];
  });
  afterAll(async () => {
    await app?.dispose();
    await online?.dispose();
    await org?.stop().catch(() => undefined);
    temp.remove();
    other.remove();
  });

  it('fetches every invoice and line after the sync, in the background, with progress', async () => {
    const end = await phaseEnded(app, 1);
    expect(end.phase).toBe('done');
    const lines = org.control.records('InvoiceLine').length;
    expect(lines).toBeGreaterThan(300);
    // Every invoice and every line, once each (the first phase is a full one).
    expect(end.fetched).toBe(300 + lines);
    const progress = app.events.of('invoices.recordProgress');
    expect(progress.some((p) => p.phase === 'fetching' && p.fetched > 0 && p.fetched < end.fetched)).toBe(true);
  });

  it('keeps it sealed beside the offline copy: owner-only, no number, customer or product readable', () => {
    const folder = join(temp.dir, 'invoices');
    const file = join(folder, readdirSync(folder).find((name) => name.endsWith('.record'))!);
    const bytes = readFileSync(file);
    const invoice = org.control.records('Invoice')[0]!;
    const line = org.control.records('InvoiceLine')[0]!;
    for (const text of [invoice.DocumentNumber as string, (invoice.BillingAccount as { Name: string }).Name, line.Description as string]) {
      expect(bytes.includes(Buffer.from(text))).toBe(false);
    }
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('offline, an invoice never opened shows exactly what the panel shows online: every field by its type, the lines', async () => {
    const expected = await Promise.all(ids.map((id) => detail(online, id)));
    app.sessions.offline = true;
    try {
      for (const [i, id] of ids.entries()) {
        const offline = await detail(app, id);
        expect(shown(offline)).toEqual(shown(expected[i]!));
        expect(offline.lines.length).toBeGreaterThan(0);
        expect(offline.invoice.id).toBe(id);
        // Said to come from the copy, as of the phase.
        expect(Date.parse(offline.keptAt!)).toBeGreaterThan(Date.now() - 600_000);
      }
      // The currency field keeps its describe type; the customer's lookup reads as the account's name.
      const first = await detail(app, ids[0]!);
      expect(first.fields.find((f) => f.name === 'TotalAmountWithTax')).toMatchObject({ type: 'currency' });
      expect(first.fields.find((f) => f.name === 'InvoiceDate')).toMatchObject({ type: 'date' });
    } finally {
      app.sessions.offline = false;
    }
  });

  it('after lines are edited and deleted, an invoice deleted and one changed in Salesforce, fetches only those changes and shows them offline', async () => {
    const lines = org.control.records('InvoiceLine');
    const edited = lines.find((l) => l.InvoiceId === ids[0])!;
    const removed = lines.find((l) => l.InvoiceId === ids[1])!;
    org.control.editInvoiceLine(edited.Id as string, { quantity: 7, unitPrice: 12.5, product: 'Consulting (revised)' });
    org.control.deleteInvoiceLines([removed.Id as string]);
    org.control.updateInvoices([ids[2]!]);
    org.control.deleteInvoices([ids[3]!]);
    expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
    const end = await phaseEnded(app, 2);
    expect(end.phase).toBe('done');
    // Changes since the watermarks (minus the 5-minute overlap): far fewer than every record.
    expect(end.fetched).toBeLessThan(100);

    const expected = await Promise.all(ids.slice(0, 3).map((id) => detail(online, id)));
    expect(expected[0]!.lines.find((l) => l.id === edited.Id)).toMatchObject({ quantity: 7, unitPrice: 12.5, amount: 87.5, description: 'Consulting (revised)' });
    expect(expected[1]!.lines.some((l) => l.id === removed.Id)).toBe(false);
    app.sessions.offline = true;
    try {
      for (const [i, id] of ids.slice(0, 3).entries()) expect(shown(await detail(app, id))).toEqual(shown(expected[i]!));
      // The deleted invoice is in neither copy any more: nothing is made up.
      expect((await app.call('invoices.get', { connectionId, id: ids[3] })).ok).toBe(false);
    } finally {
      app.sessions.offline = false;
    }
  });

  it('a phase that fails half-way keeps the previous record copy byte for byte; the sync itself is not affected', async () => {
    const folder = join(temp.dir, 'invoices');
    const file = join(folder, readdirSync(folder).find((name) => name.endsWith('.record'))!);
    const before = readFileSync(file);
    org.control.editInvoiceLine(org.control.records('InvoiceLine').find((l) => l.InvoiceId === ids[0])!.Id as string, { quantity: 2 });
    org.control.injectFault({ kind: 'http500', count: 10, soqlContains: 'FROM InvoiceLine' });
    try {
      expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
      expect((await phaseEnded(app, 3)).phase).toBe('failed');
    } finally {
      org.control.clearFaults();
    }
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(folder).filter((name) => name.includes('.record.partial-'))).toEqual([]);
  });

  it('opens again after a restart, offline', async () => {
    const expected = shown(await detail(online, ids[1]!));
    await app.dispose();
    app = await startHarness(org, temp.dir, { secretBox: box, tokens, recordPhase: true });
    app.sessions.offline = true;
    expect(shown(await detail(app, ids[1]!))).toEqual(expected);
  });

  it('a damaged record copy is deleted, nothing is made up from it, and the next sync fetches it again whole', async () => {
    const folder = join(temp.dir, 'invoices');
    const file = () => readdirSync(folder).find((name) => name.endsWith('.record'));
    await damageFieldsOf(join(folder, file()!), box, ids[1]!);
    await app.dispose();
    app = await startHarness(org, temp.dir, { secretBox: box, tokens, recordPhase: true });
    app.sessions.offline = true;
    const answer = await app.call('invoices.get', { connectionId, id: ids[1] });
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('NETWORK');
    expect(file()).toBeUndefined();
    app.sessions.offline = false;
    expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
    const end = await phaseEnded(app, 1);
    expect(end.phase).toBe('done');
    // Whole again: every invoice and line the org has.
    expect(end.fetched).toBe(org.control.records('Invoice').length + org.control.records('InvoiceLine').length);
    app.sessions.offline = true;
    expect(shown(await detail(app, ids[1]!))).toEqual(shown(await detail(online, ids[1]!)));
  });

  it('an incremental phase that meets a damaged chunk fails without writing, drops the copy, and the next phase fetches it whole', async () => {
    app.sessions.offline = false;
    const folder = join(temp.dir, 'invoices');
    const file = () => readdirSync(folder).find((name) => name.endsWith('.record'));
    await damageFieldsOf(join(folder, file()!), box, ids[0]!);
    await app.dispose();
    app = await startHarness(org, temp.dir, { secretBox: box, tokens, recordPhase: true });
    org.control.updateInvoices([ids[0]!]);
    expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
    expect((await phaseEnded(app, 1)).phase).toBe('failed');
    expect(file()).toBeUndefined();
    expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
    const end = await phaseEnded(app, 2);
    expect(end.phase).toBe('done');
    expect(end.fetched).toBe(org.control.records('Invoice').length + org.control.records('InvoiceLine').length);
  });
});

describe.each<InvoiceObjectName>(['blng__Invoice__c', 'Invoice__c'])('the whole record of %s invoices, offline', (shape) => {
  it('shows the lines and every field offline as online', async () => {
    const temp = tempDir();
    const other = tempDir();
    const org = await startOrg({ invoices: 120, objects: [shape] });
    const tokens = await loginToOrg(org);
    const app = await startHarness(org, temp.dir, { tokens, recordPhase: true });
    const online = await startHarness(org, other.dir, { tokens });
    try {
      expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
      expect((await online.call('invoices.sync', { connectionId })).ok).toBe(true);
      expect((await phaseEnded(app, 1)).phase).toBe('done');
      const id = org.control.records(shape)[5]!.Id as string;
      const expected = await detail(online, id);
      expect(expected.lines.length).toBeGreaterThan(0);
      app.sessions.offline = true;
      expect(shown(await detail(app, id))).toEqual(shown(expected));
    } finally {
      await app.dispose();
      await online.dispose();
      await org.stop();
      temp.remove();
      other.remove();
    }
  });
});

describe('the record phase writes its copy as the pages come, in chunks (any number of invoices)', () => {
  let org: RunningOrg;
  let tokens: OrgTokens;
  let app: Harness;
  let online: Harness;
  const temp = tempDir();
  const other = tempDir();
  const box = new TestSecretBox();
  const folder = join(temp.dir, 'invoices');
  const recordFile = () => join(folder, readdirSync(folder).find((name) => name.endsWith('.record'))!);
  const partials = () => (existsSync(folder) ? readdirSync(folder).filter((name) => name.includes('.record.partial-')) : []);
  /** Chunks of 25 entries, the fetch at most one chunk ahead of the disk: 300 invoices and ~900 lines make ~50 chunks. */
  const start = () => startHarness(org, temp.dir, { secretBox: box, tokens, tuning: { pageSize: 200, record: { chunkEntries: 25, backlogChunks: 1 } }, recordPhase: true });
  /** The temp file's size every 2 ms while the phase runs. */
  const watchTemp = () => {
    const sizes: number[] = [];
    const timer = setInterval(() => {
      const [partial] = partials();
      if (partial) sizes.push(statSync(join(folder, partial), { throwIfNoEntry: false })?.size ?? 0);
    }, 2);
    return { sizes, stop: () => clearInterval(timer) };
  };
  /** The org's query requests of the next record phase only (counted from its first progress, before it asks anything). */
  const phaseRequests = (harness: Harness) => {
    const stop = harness.events.listen((event, payload) => {
      if (event !== 'invoices.recordProgress' || (payload as { fetched: number }).fetched !== 0) return;
      stop();
      org.control.resetCounters();
    });
    return () => org.control.counters().requests;
  };
  const invoices = () => org.control.records('Invoice');

  beforeAll(async () => {
    org = await startOrg({ invoices: 300 });
    tokens = await loginToOrg(org);
    app = await start();
    online = await startHarness(org, other.dir, { tokens });
    expect((await online.call('invoices.sync', { connectionId })).ok).toBe(true);
  });
  afterAll(async () => {
    await app?.dispose();
    await online?.dispose();
    await org?.stop().catch(() => undefined);
    temp.remove();
    other.remove();
  });

  it('seals chunks of at most 25 entries into a temp file while the pages come, and puts the copy in place at the end', async () => {
    const watch = watchTemp();
    expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
    const end = await phaseEnded(app, 1);
    watch.stop();
    expect(end.phase).toBe('done');
    // The temp file grew while the queries paged (not written all at once at the end: that shows at most its empty and
    // its final size). The sampler shares the event loop with the phase, so a loaded machine sees fewer of the ~50
    // sizes (5 in one CI run): more than two is the behaviour, not the sampler's luck.
    expect(new Set(watch.sizes).size).toBeGreaterThan(2);
    expect(partials()).toEqual([]);
    const bytes = readFileSync(recordFile());
    const head = await decodeHead(box, async (offset, length) => bytes.subarray(offset, offset + length), bytes.length);
    const fieldIds = head.chunks.filter((c) => c.kind === 'fields').flatMap((c) => c.ids);
    expect(new Set(fieldIds).size).toBe(300);
    expect(fieldIds).toHaveLength(300);
    expect(head.chunks.filter((c) => c.kind === 'lines').length).toBeGreaterThanOrEqual(Math.ceil(org.control.records('InvoiceLine').length / 25));
    expect(head.chunks.every((c) => c.ids.length <= 25)).toBe(true);
    app.sessions.offline = true;
    try {
      for (const invoice of [invoices()[0]!, invoices()[150]!, invoices().at(-1)!]) {
        expect(shown(await detail(app, invoice.Id as string))).toEqual(shown(await detail(online, invoice.Id as string)));
      }
    } finally {
      app.sessions.offline = false;
    }
  });

  it('a network drop half-way (chunks already written): the previous copy stays byte for byte, the temp file goes, the next phase completes', async () => {
    const before = readFileSync(recordFile());
    // 250 invoices changed: the incremental phase's invoice query takes two pages; the second one's connection drops.
    const changed = invoices().slice(0, 250).map((r) => r.Id as string);
    org.control.updateInvoices(changed);
    const watch = watchTemp();
    expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
    org.control.injectFault({ kind: 'drop', count: 10, pathPrefix: '/services/data/v67.0/query/' });
    try {
      expect((await phaseEnded(app, 2)).phase).toBe('failed');
    } finally {
      org.control.clearFaults();
      watch.stop();
    }
    // The first page's 200 invoices were in the temp file as 8 sealed chunks before the second page was asked for.
    expect(Math.max(0, ...watch.sizes)).toBeGreaterThan(8 * 1000);
    expect(readFileSync(recordFile()).equals(before)).toBe(true);
    expect(partials()).toEqual([]);
    expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
    expect((await phaseEnded(app, 3)).phase).toBe('done');
    app.sessions.offline = true;
    try {
      expect(shown(await detail(app, changed[200]!))).toEqual(shown(await detail(online, changed[200]!)));
    } finally {
      app.sessions.offline = false;
    }
  });

  it('a query whose cursor expires half-way starts over: what its first run wrote is left out of the copy', async () => {
    const changed = invoices().slice(0, 250).map((r) => r.Id as string);
    // The same incremental phase without a fault, then with the invoice query's cursor expiring after its first page.
    org.control.updateInvoices(changed);
    let requests = phaseRequests(app);
    expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
    expect((await phaseEnded(app, 4)).phase).toBe('done');
    const plain = requests().queryAll ?? 0;
    org.control.updateInvoices(changed);
    requests = phaseRequests(app);
    expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
    org.control.injectFault({ kind: 'invalidLocator', count: 1 });
    const end = await phaseEnded(app, 5);
    org.control.clearFaults();
    expect(end.phase).toBe('done');
    // Started over: its first page asked for once more.
    expect(requests().queryAll).toBe(plain + 1);
    const bytes = readFileSync(recordFile());
    const head = await decodeHead(box, async (offset, length) => bytes.subarray(offset, offset + length), bytes.length);
    // Every invoice once, in one chunk.
    expect(head.chunks.filter((c) => c.kind === 'fields').flatMap((c) => c.ids)).toHaveLength(300);
    app.sessions.offline = true;
    try {
      const id = changed[210]!;
      expect(shown(await detail(app, id))).toEqual(shown(await detail(online, id)));
    } finally {
      app.sessions.offline = false;
    }
  });

  it('the app quits half-way: the phase is cancelled, the temp file goes, the previous copy opens after the restart', async () => {
    const before = readFileSync(recordFile());
    org.control.updateInvoices(invoices().slice(0, 250).map((r) => r.Id as string));
    // Slow pages after the first: the phase is still fetching when the app quits.
    org.control.injectFault({ kind: 'latency', ms: 400, count: 20, pathPrefix: '/services/data/v67.0/query/' });
    const fetching = new Promise<void>((resolve) => {
      const stop = app.events.listen((event, payload) => {
        if (event === 'invoices.recordProgress' && (payload as { phase: string; fetched: number }).phase === 'fetching' && (payload as { fetched: number }).fetched > 0) {
          stop();
          resolve();
        }
      });
    });
    expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
    await fetching;
    await app.dispose();
    org.control.clearFaults();
    expect(app.events.of('invoices.recordProgress').at(-1)!.phase).toBe('cancelled');
    expect(partials()).toEqual([]);
    expect(readFileSync(recordFile()).equals(before)).toBe(true);
    app = await start();
    app.sessions.offline = true;
    try {
      const id = invoices()[280]!.Id as string;
      expect(shown(await detail(app, id))).toEqual(shown(await detail(online, id)));
    } finally {
      app.sessions.offline = false;
    }
  });
});

describe('what the record copy leaves out is said beside the offline detail (field-level security)', () => {
  let org: RunningOrg;
  let tokens: OrgTokens;
  const temps: { remove(): void }[] = [];
  beforeAll(async () => {
    org = await startOrg({ invoices: 40 });
    tokens = await loginToOrg(org);
  });
  afterAll(async () => {
    await org?.stop().catch(() => undefined);
    temps.forEach((t) => t.remove());
  });
  /** A fresh app syncs with the org as it is now; the detail of the 6th invoice offline, once its record phase is done. */
  const offlineDetail = async () => {
    const temp = tempDir();
    temps.push(temp);
    const app = await startHarness(org, temp.dir, { tokens, recordPhase: true });
    try {
      expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
      expect((await phaseEnded(app, 1)).phase).toBe('done');
      app.sessions.offline = true;
      return await detail(app, org.control.records('Invoice')[5]!.Id as string);
    } finally {
      await app.dispose();
    }
  };

  it('a line field hidden from the user: the lines are kept without it, and the panel is told which field and why', async () => {
    org.control.setFieldHidden('InvoiceLine', 'Quantity', true);
    try {
      const offline = await offlineDetail();
      expect(offline.lines.length).toBeGreaterThan(0);
      expect(offline.lines.every((line) => line.quantity === null && line.amount !== null)).toBe(true);
      expect(offline.warnings).toEqual(['Lines kept offline: the field Quantity of InvoiceLine is hidden from you (field-level security) and left blank.']);
    } finally {
      org.control.setFieldHidden('InvoiceLine', 'Quantity', false);
    }
  });

  it('the lines’ link to their invoice hidden: no lines kept, every field still there, and the panel says why', async () => {
    org.control.setFieldHidden('InvoiceLine', 'InvoiceId', true);
    try {
      const offline = await offlineDetail();
      expect(offline.lines).toEqual([]);
      expect(offline.fields.find((f) => f.name === 'TotalAmountWithTax')?.value).not.toBeNull();
      expect(offline.warnings).toEqual(['No lines are kept offline: the field InvoiceId that links InvoiceLine to their invoice is hidden from you (field-level security).']);
    } finally {
      org.control.setFieldHidden('InvoiceLine', 'InvoiceId', false);
    }
  });

  it('online, the lines’ link hidden: the invoice opens with its fields and no lines, and says why (the lines’ query would be refused)', async () => {
    const temp = tempDir();
    temps.push(temp);
    const app = await startHarness(org, temp.dir, { tokens });
    org.control.setFieldHidden('InvoiceLine', 'InvoiceId', true);
    try {
      expect((await app.call('invoices.sync', { connectionId })).ok).toBe(true);
      const online = await detail(app, org.control.records('Invoice')[5]!.Id as string);
      expect(online.keptAt ?? null).toBeNull();
      expect(online.lines).toEqual([]);
      expect(online.fields.find((f) => f.name === 'TotalAmountWithTax')?.value).not.toBeNull();
      expect(online.warnings).toEqual(['Lines are not shown: the field InvoiceId that links InvoiceLine to their invoice is hidden from you (field-level security).']);
    } finally {
      org.control.setFieldHidden('InvoiceLine', 'InvoiceId', false);
      await app.dispose();
    }
  });

  it('nothing hidden: nothing said', async () => {
    expect((await offlineDetail()).warnings).toBeUndefined();
  });
});
