import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrg, type RunningOrg } from '../../org';
import { tempDir } from '../../support/test-ports';
import { stopOrgAndApps } from '../../support/org-setup';
import { CONNECTION_ID as connectionId, startHarness } from '../invoices/support/invoice-harness';
import { loginToOrg, type OrgTokens } from '../invoices/support/org-login';
import { recordPhaseEnded as phaseEnded } from '../invoices/support/record-phase';
import { detail } from './record-detail';

describe('what the record copy leaves out is said beside the offline detail (field-level security)', () => {
  let org: RunningOrg;
  let tokens: OrgTokens;
  const temps: { remove(): void }[] = [];
  beforeAll(async () => {
    org = await startOrg({ invoices: 40 });
    tokens = await loginToOrg(org);
  });
  afterAll(() => stopOrgAndApps(org, [], temps));
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
