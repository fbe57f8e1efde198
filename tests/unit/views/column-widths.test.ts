import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../../electron/contract';
import { MAX_COLUMN_REM, MIN_COLUMN_REM } from '../../../electron/contract/saved-view-limits';
import { applyUserWidths, clampRem, withWidth } from '../../../renderer/src/workspace/column-widths';
import { altKeyLabel, isMacPlatform, modKeyLabel } from '../../../renderer/src/lib/shortcut-keys';

describe('the widths the user sets on the grid', () => {
  it('a drag or a key step is kept to a quarter rem, never narrower or wider than a view may hold', () => {
    expect(clampRem(12.13)).toBe(12.25);
    expect(clampRem(0.5)).toBe(MIN_COLUMN_REM);
    expect(clampRem(-40)).toBe(MIN_COLUMN_REM);
    expect(clampRem(900)).toBe(MAX_COLUMN_REM);
    expect(clampRem(Number.NaN)).toBe(MIN_COLUMN_REM);
  });

  it('one column set, another given back to the grid’s own width, the rest untouched', () => {
    const set = withWidth({ customer: 20 }, 'balance', 7.6);
    expect(set).toEqual({ customer: 20, balance: 7.5 });
    expect(withWidth(set, 'customer', null)).toEqual({ balance: 7.5 });
    expect(withWidth(undefined, 'org', 14)).toEqual({ org: 14 });
  });

  it('a width the user set replaces the grid’s track (the stretching customer column becomes fixed); the others keep theirs', () => {
    const tracks = { number: '8.75rem', customer: 'minmax(12rem, 1fr)', balance: '9.25rem' };
    expect(applyUserWidths(tracks, { customer: 20 })).toEqual({ number: '8.75rem', customer: '20rem', balance: '9.25rem' });
    expect(applyUserWidths(tracks, undefined)).toBe(tracks);
  });

  it('Settings keep the widths, validated like the rest of Settings', () => {
    expect(settingsSchema.partial().strict().safeParse({ columnWidths: { customer: 20, org: 10 } }).success).toBe(true);
    expect(settingsSchema.partial().strict().safeParse({ columnWidths: { customer: 100 } }).success).toBe(false);
    expect(settingsSchema.partial().strict().safeParse({ columnWidths: { nope: 10 } }).success).toBe(false);
  });

  it('the resize keys are written as the platform writes them: ⌥ on macOS, Alt elsewhere', () => {
    expect(isMacPlatform('MacIntel')).toBe(true);
    expect(isMacPlatform('Win32')).toBe(false);
    expect(isMacPlatform('Linux x86_64')).toBe(false);
    expect(altKeyLabel('←', true)).toBe('⌥←');
    expect(altKeyLabel('←', false)).toBe('Alt+←');
  });

  it('Ctrl shortcuts are labelled ⌘ on macOS and by the keyboard’s own word elsewhere (Strg in German), from one helper', () => {
    expect(modKeyLabel('1', 'Ctrl', true)).toBe('⌘1');
    expect(modKeyLabel('F', 'Strg', false)).toBe('Strg+F');
    expect(modKeyLabel('R', 'Ctrl', false)).toBe('Ctrl+R');
  });
});
