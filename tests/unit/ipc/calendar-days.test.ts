import { describe, expect, it } from 'vitest';
import type { ChannelName } from '../../../electron/contract';
import { createDispatcher, type Handlers } from '../../../electron/core/ipc/dispatcher';
import { createSenderCheck } from '../../../electron/core/ipc/sender-check';
import { viewState } from '../../support/view-state';

const renderer = 'app://budgetly/index.html';

/** Every channel input that takes a plain day (the contract's isoDate), with `day` where the day goes. */
const withDay: Partial<Record<ChannelName, (day: string) => unknown>> = {
  'invoices.receivablesSummary': (day) => ({ connectionId: 'c1', asOf: day }),
  'invoices.customer': (day) => ({ connectionId: 'c1', customer: 'Acme', asOf: day }),
  'invoices.balancesAsOf': (day) => ({ connectionId: 'c1', asOf: day }),
  'invoices.export': (day) => ({ connectionId: 'c1', format: 'csv', columns: ['number'], ids: ['a01'], asOf: day }),
  'statements.save': (day) => ({ connectionId: 'c1', customer: 'Acme', asOf: day, how: 'save' }),
  'statements.saveMany': (day) => ({ connectionId: 'c1', customers: ['Acme'], asOf: '2026-12-31', period: { from: day, to: '2026-12-31' } }),
  'views.save': (day) => ({ connectionId: 'c1', name: 'Due soon', state: viewState({ filters: { dueDateFrom: day } }) }),
};

function dispatcher(calls: unknown[]) {
  const handlers = Object.fromEntries(Object.keys(withDay).map((channel) => [channel, (input: unknown) => (calls.push(input), null)]));
  return createDispatcher(handlers as Partial<Handlers>, createSenderCheck(renderer));
}

/**
 * review22's low (issue 13): `isoDate` let 2026-02-30 through on channel inputs, and Date rolled it over — an export "as of
 * 30 February" was silently as of 2 March. A day that is not on the calendar is refused at the door, with the contract's
 * message, whichever channel takes it; real days, 29 February of a leap year included, go through.
 */
describe('a plain day on a channel input must be on the calendar', () => {
  const notDays = ['2026-02-30', '2025-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-12-32'];

  for (const [channel, input] of Object.entries(withDay)) {
    it(`${channel}: refuses ${notDays.length} days that do not exist, takes real ones`, async () => {
      const calls: unknown[] = [];
      const dispatch = dispatcher(calls);
      for (const day of notDays) {
        const result = await dispatch(channel, input(day), renderer);
        expect(result, day).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
        expect(JSON.stringify(result), day).toMatch(/expected a day on the calendar \(YYYY-MM-DD\)/);
      }
      expect(calls).toEqual([]);
      for (const day of ['2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01']) {
        expect(await dispatch(channel, input(day), renderer), day).toEqual({ ok: true, value: null });
      }
      expect(calls).toHaveLength(4);
    });
  }

  it('says one thing for a string that is no day at all: the form it expects', async () => {
    const result = await dispatcher([])('invoices.balancesAsOf', { connectionId: 'c1', asOf: '30.02.2026' }, renderer);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(result)).toMatch(/expected YYYY-MM-DD/);
    expect(JSON.stringify(result)).not.toMatch(/calendar/);
  });
});
