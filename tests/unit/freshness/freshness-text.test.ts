import { describe, expect, it } from 'vitest';
import type { Connection, ConnectionFreshness } from '../../../electron/contract';
import { createI18n } from '../../../electron/contract/i18n/create-i18n';
import { changeSummary, failureReason, nextAttemptText } from '../../../renderer/src/freshness/freshness-text';

const t = createI18n('en').getFixedT('en', 'freshness');
const fr = createI18n('fr').getFixedT('fr', 'freshness');

const connection = (patch: Partial<Connection> = {}): Connection => ({
  id: 'c', label: 'Acme', loginUrl: 'https://login.salesforce.com', clientId: 'x', hasClientSecret: false, signInMethod: 'window', status: 'connected', sessionOnly: false, ...patch,
});
const plan = (patch: Partial<ConnectionFreshness> = {}): ConnectionFreshness => ({ connectionId: 'c', nextAttemptAt: null, failures: 0, paused: null, ...patch });

describe('what the status area and the indicator say', () => {
  it('sums up a sync in a few words', () => {
    expect(changeSummary(t, { added: 0, changed: 3, deleted: 0 })).toBe('3 changed');
    expect(changeSummary(t, { added: 1, changed: 2, deleted: 1 })).toBe('1 new · 2 changed · 1 deleted');
    expect(changeSummary(t, { added: 0, changed: 0, deleted: 2 })).toBe('2 deleted');
    expect(changeSummary(t, {})).toBe('no changes');
    expect(changeSummary(t, { added: 1200 }, 'en-US')).toBe('1,200 new');
    // A connection's first sync loaded its invoices: none is "new".
    expect(changeSummary(t, { added: 5000, first: true }, 'en-US')).toBe('5,000 invoices loaded');
    expect(changeSummary(t, { added: 1, first: true })).toBe('1 invoice loaded');
    // French agrees in number (« facture » is feminine) and groups digits its own way.
    expect(changeSummary(fr, { added: 1, changed: 1200 }, 'fr-FR')).toBe('1 nouvelle · 1\u202f200 modifiées');
  });

  it('names the reason of the last failure: offline, reconnect needed, limit reached', () => {
    expect(failureReason(connection(), plan(), true)).toBeNull();
    expect(failureReason(connection(), plan({ paused: 'offline' }), false)).toBe('offline');
    expect(failureReason(connection({ lastError: { code: 'NETWORK', message: '' } }), plan(), true)).toBe('offline');
    expect(failureReason(connection({ status: 'reconnect-needed' }), plan(), false)).toBe('reconnect-needed');
    expect(failureReason(connection({ lastError: { code: 'SALESFORCE_LIMIT', message: '' } }), plan(), true)).toBe('limit-reached');
    expect(failureReason(connection({ lastError: { code: 'SALESFORCE_ERROR', message: '' } }), plan(), true)).toBe('failed');
  });

  it('says when the next update comes, or why none is planned', () => {
    const at = '2026-11-29T16:45:00Z';
    const time = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' }).format(Date.parse(at));
    expect(nextAttemptText(t, plan({ nextAttemptAt: at }), 'en-US')).toBe(`next update ${time}`);
    expect(nextAttemptText(t, plan({ nextAttemptAt: at, failures: 2 }), 'en-US')).toBe(`retrying at ${time}`);
    expect(nextAttemptText(t, plan({ paused: 'offline' }))).toBe('updates when back online');
    expect(nextAttemptText(t, plan({ paused: 'reconnect-needed' }))).toBe('paused until you reconnect');
    expect(nextAttemptText(t, plan({ paused: 'off' }))).toBe('automatic updates off');
    expect(nextAttemptText(t, undefined)).toBeNull();
  });
});
