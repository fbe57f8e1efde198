import { describe, expect, it } from 'vitest';
import { openInvoicesNewestFirst } from '../../../electron/core/documents/prefetch-candidates';
import { UserFirst } from '../../../electron/core/documents/user-first';

describe('the invoices whose PDFs are kept offline', () => {
  it('are the posted ones with a balance, newest invoice date first (undated last); drafts, cancelled and paid left out', () => {
    const row = (id: string, invoiceDate: string | null, balance: number | null, status: string | null) => ({ id, number: `INV-${id}`, invoiceDate, balance, status });
    const rows = [
      row('old', '2026-01-05', 10, 'Posted'),
      row('new', '2026-11-30', 5, 'Posted'),
      row('paid', '2026-12-01', 0, 'Posted'),
      row('draft', '2026-12-02', 7, 'Draft'),
      row('cancelled', '2026-12-03', 7, 'Canceled'),
      row('credit', '2026-06-01', -3, 'Posted'),
      row('undated', null, 1, null),
      row('unknown-balance', '2026-12-04', null, 'Posted'),
    ];
    const kinds = { Posted: 'posted', Draft: 'draft', Canceled: 'cancelled' } as const;
    expect(openInvoicesNewestFirst(rows, kinds).map((c) => c.id)).toEqual(['new', 'credit', 'old', 'undated']);
  });
});

describe("the user's documents go first", () => {
  it('whenIdle waits while an open is in flight and resolves when the last one ends', async () => {
    const first = new UserFirst();
    await first.whenIdle(); // idle: at once
    let release: () => void = () => undefined;
    const open = first.during(() => new Promise<void>((resolve) => (release = resolve)));
    let waited = false;
    const waiting = first.whenIdle().then(() => (waited = true));
    await Promise.resolve();
    expect(waited).toBe(false);
    release();
    await open;
    await waiting;
    expect(waited).toBe(true);
  });
});
