import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN_DATA, useGoldenOrg } from './answer-recorder.ts';

/**
 * The shapes of query org-answers-golden.test.ts does not ask (reviewL, session 21), byte for byte as main 14860d1's org
 * code answered them (session 22, org22): ORDER BY with ties (the org breaks them by row order) and over a relationship,
 * LIMIT/OFFSET (2,000 the most; 2,001 refused), child rows found by their parent's id (`=` and `IN`: the index lookup,
 * not the scan), `Id IN (…)` and a 15-character id, filters that scan (LIKE, NOT IN, OR in parentheses, null,
 * numbers, datetimes), and the app's document queries (InvoiceDocument / ContentDocumentLink → ContentVersion, newest
 * first) with the bytes of a few versions. Each as a REST query paged and, where Bulk API 2.0 takes it, as a job read
 * part by part; seeded, then again after control-API changes (deletions for queryAll, a reversal, a new application).
 * Same org options and clock as the other golden test; GOLDEN written by running this file on a checkout of 14860d1
 * with ORG_GOLDEN_WRITE=<file>.
 */
const GOLDEN: Record<string, string> = {
  'seeded ids': '3 1b67db116a18d26a6fc31f2a5d2f684e465bbbf9',
  'seeded order by with ties': '55 eb53b79b61110533926e9a187c334fd368a784f5',
  'seeded limit and offset': '25 4494f5cfc0dbdac583528b937a161d06dbb982d3',
  "seeded child rows by their parent's id": '36 6de4cde1d63f5c23e688b3a7071d01ac43924bb5',
  'seeded ids in a list': '29 3fe30213283c0b1eac687a22fb86f8dd6ba9bb48',
  'seeded filters that scan': '39 770248c7ad9b6991cfc43a899a45e576bdf0eac7',
  'seeded documents': '11 18f39a98f3b2a8cf056f09777a424587b95635c9',
  'changes': '3 9e592b9b85c76c68930298cc6f665e60e5e275a2',
  'changed ids': '3 6ccac92602f3a9fd4fbdccff2db166e24de9422a',
  'changed order by with ties': '55 03ea8da8539ddc8e4924f7a78c54d9903d1b2062',
  'changed limit and offset': '25 4094cea8a2ea3d75a3ea5538b96ac7d50adcb935',
  "changed child rows by their parent's id": '36 d2839f1d758d299230f26882eed5944d3937d672',
  'changed ids in a list': '29 fa4327bf29a109032ac6ce6e6fb944e34eb127e6',
  'changed filters that scan': '39 61c3191e70ed7cc288df375dcb3b54a20b1cfab0',
  'changed documents': '11 ca87557842a89c81910041ac73ad15a70f530ff5',
};

const quoted = (ids: readonly string[]) => ids.map((id) => `'${id}'`).join(', ');

describe('the local org answers every shape of query byte for byte as main 14860d1 did', () => {
  const golden = useGoldenOrg();
  const { changes, attempt } = golden;

  /** A query as a REST query (and queryAll) paged, and as a Bulk API 2.0 job read whole. */
  const everyWay = async (soql: string) => {
    const ids = await golden.answers.rest(soql);
    await golden.answers.rest(soql, 'queryAll');
    const job = await golden.answers.createJob(soql);
    if (job) await golden.answers.readJob(job);
    return ids;
  };

  const shapes = async (label: string) => {
    golden.answers.begin(`${label} ids`);
    const invoices = await golden.answers.rest('SELECT Id FROM Invoice ORDER BY DueDate DESC, Id LIMIT 40');
    const billing = await golden.answers.rest('SELECT Id FROM blng__Invoice__c ORDER BY blng__Balance__c DESC LIMIT 40');
    const payments = await golden.answers.rest('SELECT Id FROM Payment ORDER BY Amount, Id LIMIT 30');
    // The lists below are built from these: none may be short (an empty IN would be a refusal, not a shape).
    expect([invoices.length, billing.length, payments.length]).toEqual([40, 40, 30]);

    golden.answers.begin(`${label} order by with ties`);
    await everyWay('SELECT Id, Type, Amount, CurrencyIsoCode FROM PaymentLineInvoice ORDER BY Type DESC, CurrencyIsoCode');
    await everyWay('SELECT Id, blng__Status__c, blng__Amount__c, blng__PaymentDate__c FROM blng__Payment__c ORDER BY blng__Status__c, blng__PaymentDate__c DESC NULLS LAST');
    await everyWay('SELECT Id, DocumentNumber, Status, Balance FROM Invoice ORDER BY Status ASC NULLS LAST, Balance DESC');
    await everyWay('SELECT Id, Name, blng__Amount__c, blng__Invoice__r.Name FROM blng__CreditNoteAllocation__c ORDER BY blng__Invoice__r.Name DESC');
    await everyWay('SELECT Id, Amount, AppliedDate FROM CreditMemoInvApplication ORDER BY Amount DESC NULLS FIRST, AppliedDate');

    golden.answers.begin(`${label} limit and offset`);
    await everyWay('SELECT Id, Amount, Status FROM Payment ORDER BY Amount DESC LIMIT 50 OFFSET 25');
    await everyWay('SELECT Id, InvoiceId FROM PaymentLineInvoice LIMIT 10 OFFSET 2000');
    await everyWay('SELECT Id FROM PaymentLineInvoice OFFSET 2001');
    await everyWay('SELECT Id, Name FROM blng__PaymentAllocationInvoice__c ORDER BY Name DESC LIMIT 700 OFFSET 3');
    await golden.answers.rest('SELECT COUNT() FROM CreditMemo WHERE Status = \'Posted\'');
    await golden.answers.rest('SELECT COUNT() FROM PaymentLineInvoice LIMIT 100 OFFSET 50');

    golden.answers.begin(`${label} child rows by their parent's id`);
    await everyWay(`SELECT Id, PaymentId, Amount, Type, AppliedDate FROM PaymentLineInvoice WHERE InvoiceId = '${invoices[0]}'`);
    await everyWay(`SELECT Id, PaymentId, Payment.PaymentNumber, Amount, Type FROM PaymentLineInvoice WHERE InvoiceId IN (${quoted(invoices.slice(0, 25))}) ORDER BY Amount`);
    await everyWay(`SELECT Id, CreditMemoId, Amount FROM CreditMemoInvApplication WHERE InvoiceId IN (${quoted(invoices)})`);
    await everyWay(`SELECT Id, blng__Payment__c, blng__Amount__c FROM blng__PaymentAllocationInvoice__c WHERE blng__Invoice__c IN (${quoted(billing)}) AND blng__Type__c = 'Allocation'`);
    await everyWay(`SELECT Id, Name, blng__Amount__c FROM blng__CreditNoteAllocation__c WHERE blng__Invoice__c = '${billing[1]}'`);
    await everyWay(`SELECT Id, Name, Description, Quantity, UnitPrice, LineAmount FROM InvoiceLine WHERE InvoiceId IN (${quoted(invoices.slice(0, 10))})`);

    golden.answers.begin(`${label} ids in a list`);
    await everyWay(`SELECT Id, Amount, Status, Date FROM Payment WHERE Id IN (${quoted(payments)})`);
    await everyWay(`SELECT Id, DocumentNumber, Balance FROM Invoice WHERE Id IN (${quoted(invoices.slice(5, 30))}) ORDER BY DocumentNumber DESC`);
    await everyWay(`SELECT Id, Name, blng__Balance__c FROM blng__Invoice__c WHERE Id = '${billing[2]!.slice(0, 15)}'`);
    await everyWay(`SELECT Id, Amount FROM Payment WHERE Id NOT IN (${quoted(payments)}) AND Amount > 5000`);

    golden.answers.begin(`${label} filters that scan`);
    await everyWay('SELECT Id, DocumentNumber FROM Invoice WHERE DocumentNumber LIKE \'INV-00001%\'');
    await everyWay('SELECT Id, Amount, Type FROM PaymentLineInvoice WHERE (Amount > 1000 OR Type = \'Unapplied\') AND CurrencyIsoCode != \'JPY\'');
    await everyWay('SELECT Id, blng__Amount__c FROM blng__Payment__c WHERE blng__PaymentType__c NOT IN (\'Check\', \'ACH\') AND SystemModstamp < 2026-03-01T00:00:00Z');
    await everyWay('SELECT Id, Status FROM CreditMemo WHERE Status = null OR CreditDate > 2026-01-01');
    await everyWay('SELECT Id, AppliedDate FROM PaymentLineInvoice WHERE AppliedDate = null');

    golden.answers.begin(`${label} documents`);
    const links = (await golden.answers.call('GET', `${GOLDEN_DATA}/query?q=${encodeURIComponent(`SELECT InvoiceId, ContentDocumentId FROM InvoiceDocument WHERE InvoiceId IN (${quoted(invoices)})`)}`)).json;
    await golden.answers.call('GET', `${GOLDEN_DATA}/query?q=${encodeURIComponent(`SELECT ContentDocumentId FROM InvoiceDocument WHERE InvoiceId = '${invoices[3]}'`)}`);
    const billingLinks = (await golden.answers.call('GET', `${GOLDEN_DATA}/query?q=${encodeURIComponent(`SELECT LinkedEntityId, ContentDocumentId FROM ContentDocumentLink WHERE LinkedEntityId IN (${quoted(billing)})`)}`)).json;
    for (const found of [links, billingLinks]) {
      const documents = [...new Set<string>((found?.records ?? []).map((r: { ContentDocumentId: string }) => r.ContentDocumentId))];
      const versions = (await golden.answers.call('GET', `${GOLDEN_DATA}/query?q=${encodeURIComponent(
        `SELECT Id, ContentDocumentId, Title, Checksum, ContentSize, VersionData, CreatedDate FROM ContentVersion WHERE ContentDocumentId IN (${quoted(documents)}) AND IsLatest = true ORDER BY CreatedDate DESC`)}`)).json;
      expect(versions?.records?.length).toBeGreaterThan(3);
      for (const v of versions.records.slice(0, 3)) await golden.answers.call('GET', v.VersionData);
    }
    return { payments };
  };

  it('answers ties, offsets, parent and id lists, scans and the document queries as main 14860d1 did, before and after changes', async () => {
    const { payments } = await shapes('seeded');

    golden.answers.begin('changes');
    const applied = await golden.answers.rest('SELECT Id FROM PaymentLineInvoice WHERE Type = \'Applied\' ORDER BY Amount DESC LIMIT 5');
    const posted = await golden.answers.rest('SELECT Id FROM Invoice WHERE Status = \'Posted\' ORDER BY Balance DESC LIMIT 5');
    for (const p of payments.slice(0, 6)) attempt('delete', () => golden.org.control.deletePayment(p));
    attempt('reverse', () => golden.org.control.reverseApplication(applied[0]!));
    attempt('apply', () => golden.org.control.applyPayment(posted[0]!, 3.21));
    attempt('credit', () => golden.org.control.issueCreditNote(posted[1]!, 7.5));
    golden.answers.note(changes.join('\n'));

    await shapes('changed');

    const folds = golden.answers.folds();
    if (process.env.ORG_GOLDEN_WRITE) writeFileSync(process.env.ORG_GOLDEN_WRITE, `${JSON.stringify({ folds, changes }, null, 2)}\n`);
    expect(Object.keys(folds)).toHaveLength(2 * 7 + 1);
    expect(folds).toEqual(GOLDEN);
  }, 300_000);
});
