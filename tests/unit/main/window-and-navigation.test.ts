import { describe, expect, it } from 'vitest';
import { isAppUrl, isSafeExternalUrl } from '../../../electron/main/navigation-policy';
import { mainWindowOptions } from '../../../electron/main/window-options';
import { restoreWindowState } from '../../../electron/main/window-state';

describe('main window options', () => {
  it('isolate the renderer from Node and Electron', () => {
    const prefs = mainWindowOptions('/app/preload.cjs', { width: 1000, height: 700 }).webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
    });
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });
});

describe('navigation policy', () => {
  it('keeps the window on the app and sends only https links to the browser', () => {
    expect(isAppUrl('app://budgetly/index.html')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://budgetly.example')).toBe(false);
    expect(isSafeExternalUrl('https://acme.my.salesforce.com/lightning/r/Invoice/3tt/view')).toBe(true);
    for (const url of ['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.com']) {
      expect(isSafeExternalUrl(url)).toBe(false);
    }
  });
});

describe('window state', () => {
  const display = { x: 0, y: 0, width: 1920, height: 1080 };

  it('restores the size and position the user left', () => {
    const saved = { bounds: { x: 100, y: 80, width: 1300, height: 850 }, maximized: true };
    expect(restoreWindowState(saved, [display])).toEqual({ bounds: saved.bounds, maximized: true });
  });

  it('keeps the size but lets the OS place a window whose display is gone', () => {
    const saved = { bounds: { x: 2500, y: 100, width: 1300, height: 850 }, maximized: false };
    expect(restoreWindowState(saved, [display])).toEqual({ bounds: { width: 1300, height: 850 }, maximized: false });
  });

  it('falls back to the default for damaged state', () => {
    for (const saved of [undefined, null, 'x', { bounds: { x: 0, y: 0, width: 'wide', height: 10 } }, { bounds: { x: 0, y: 0, width: 5, height: 5 } }]) {
      expect(restoreWindowState(saved, [display]).bounds).toEqual({ width: 1280, height: 820 });
    }
  });
});
