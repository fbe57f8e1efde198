import { describe, expect, it } from 'vitest';
import type { Connection } from '../../../electron/contract';
import { shownStatus } from '../../../renderer/src/connections/connection-status';
import { formatRelative } from '../../../renderer/src/lib/relative-time';
import { computeAging } from '../../../renderer/src/invoices/aging';
import { dayNumber } from '../../../renderer/src/invoices/plain-date';
import { prepareInvoices } from '../../../renderer/src/invoices/prepared';
import { row } from './invoice-fixtures';

describe('last synced', () => {
  const now = Date.parse('2026-11-29T12:00:00Z');
  it('says how long ago, in words', () => {
    expect(formatRelative('2026-11-29T11:59:50Z', now, 'en-US', 'just now')).toBe('just now');
    expect(formatRelative('2026-11-29T11:55:00Z', now, 'en-US', 'just now')).toBe('5 minutes ago');
    expect(formatRelative('2026-11-29T09:00:00Z', now, 'en-US', 'just now')).toBe('3 hours ago');
    expect(formatRelative('2026-11-28T09:00:00Z', now, 'en-US', 'just now')).toBe('yesterday');
    expect(formatRelative('garbage', now, 'en-US', 'just now')).toBe('');
    // A time ahead of this computer's clock (another clock running ahead) is "just now", never "in 15 minutes".
    expect(formatRelative('2026-11-29T12:15:00Z', now, 'en-US', 'just now')).toBe('just now');
    expect(formatRelative('2026-11-30T12:00:00Z', now, 'de-DE', 'gerade eben')).toBe('gerade eben');
    // In the language of the sentence around it.
    expect(formatRelative('2026-11-29T11:55:00Z', now, 'de-DE', 'gerade eben')).toBe('vor 5 Minuten');
    expect(formatRelative('2026-11-28T09:00:00Z', now, 'fr-FR', 'à l’instant')).toBe('hier');
  });
});

describe('connection status shown', () => {
  const base: Connection = {
    id: 'c1', label: 'Acme', loginUrl: 'https://login.salesforce.com', clientId: 'x', hasClientSecret: false,
    signInMethod: 'window', status: 'connected', sessionOnly: false,
  };
  it('is offline when a connected org was last unreachable', () => {
    expect(shownStatus(base)).toBe('connected');
    expect(shownStatus({ ...base, lastError: { code: 'NETWORK', message: 'down' } })).toBe('offline');
    expect(shownStatus({ ...base, status: 'reconnect-needed', lastError: { code: 'NETWORK', message: 'down' } })).toBe('reconnect-needed');
    expect(shownStatus({ ...base, status: 'disconnected' })).toBe('disconnected');
  });
});

describe('aging basis', () => {
  it('counts from the invoice date when chosen', () => {
    const prepared = prepareInvoices([row({ invoiceDate: '2026-01-01', dueDate: '2026-03-01', balance: 50, currency: 'EUR' })]);
    const asOf = dayNumber('2026-02-15');
    const byDue = computeAging(prepared, [0], asOf, 'dueDate')[0]!.buckets.find((b) => b.count)!;
    const byInvoice = computeAging(prepared, [0], asOf, 'invoiceDate')[0]!.buckets.find((b) => b.count)!;
    expect(byDue.key).toBe('current');
    expect(byInvoice.key).toBe('31-60');
    expect(byInvoice.balance).toBe(50);
  });
});
