import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The login window's shell (electron/main/login-window-agent.ts) needs the Electron binary to run; what it must
 * never do again is checked in its source: disguise Electron's user agent (issue #17, finding 2).
 */
const source = readFileSync(new URL('../../../electron/main/login-window-agent.ts', import.meta.url), 'utf8');

describe('login window shell', () => {
  it('keeps Electron’s own user agent', () => {
    expect(source).not.toMatch(/setUserAgent|userAgent\s*:/);
  });

  it('shows the origin bar and sends other https popups to the OS browser', () => {
    expect(source).toContain('originBarPage(');
    expect(source).toMatch(/decision\.kind === 'external'[\s\S]{0,200}shell\.openExternal/);
  });
});
