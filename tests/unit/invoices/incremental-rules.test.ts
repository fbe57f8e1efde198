import { describe, expect, it } from 'vitest';
import type { SyncMapping } from '../../../electron/core/invoices/mapping/mapping-service';
import type { Snapshot } from '../../../electron/core/invoices/snapshot/snapshot';
import { canRunIncremental, MAX_INCREMENTAL_AGE_MS } from '../../../electron/core/invoices/sync/sync-engine';

const mapping: SyncMapping = {
  object: 'Invoice',
  plan: { object: 'Invoice', paths: { number: 'DocumentNumber' }, modstamp: 'SystemModstamp' },
  signature: 'sig-1',
  defaultCurrency: 'USD',
  warnings: [],
};
const now = Date.parse('2026-11-29T12:00:00Z');
const snapshot: Snapshot = { object: 'Invoice', signature: 'sig-1', syncedAt: '2026-11-28T12:00:00.000Z', watermark: now - 86_400_000, rows: [] };

describe('when an incremental sync can stand in for a full one', () => {
  it('after a recent sync with the same mapping', () => {
    expect(canRunIncremental(snapshot, mapping, now)).toBe(true);
  });
  it('never on the first sync, after a mapping change, without a watermark or modstamp field', () => {
    expect(canRunIncremental(null, mapping, now)).toBe(false);
    expect(canRunIncremental({ ...snapshot, signature: 'sig-0' }, mapping, now)).toBe(false);
    expect(canRunIncremental({ ...snapshot, watermark: null }, mapping, now)).toBe(false);
    expect(canRunIncremental(snapshot, { ...mapping, plan: { ...mapping.plan, modstamp: null } }, now)).toBe(false);
  });
  it('not once deletions may have left the recycle bin (last sync too old)', () => {
    const old = new Date(now - MAX_INCREMENTAL_AGE_MS - 1).toISOString();
    expect(canRunIncremental({ ...snapshot, syncedAt: old }, mapping, now)).toBe(false);
  });
});
