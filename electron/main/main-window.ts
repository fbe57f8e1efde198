import { BrowserWindow, screen } from 'electron';
import type { KeyValueStore } from '../core/ports';
import { APP_ORIGIN } from './navigation-policy';
import { lockDownAppContents } from './security';
import { mainWindowOptions } from './window-options';
import { restoreWindowState, type WindowState } from './window-state';

const STATE_KEY = 'window';

/** Opens the app window where the user left it, locked down, and remembers its geometry. */
export function openMainWindow(options: { preloadPath: string; store: KeyValueStore; devTools: boolean; openExternal: (url: string) => void; demoOrigin: string | null }): BrowserWindow {
  const displays = screen.getAllDisplays().map((display) => display.workArea);
  const restored = restoreWindowState(options.store.get(STATE_KEY), displays);
  const window = new BrowserWindow(mainWindowOptions(options.preloadPath, restored.bounds, options.devTools));
  lockDownAppContents(window.webContents, options.openExternal, options.demoOrigin);
  if (restored.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  const save = () => {
    if (window.isDestroyed() || window.isMinimized()) return;
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    options.store.set(STATE_KEY, state);
  };
  let timer: NodeJS.Timeout | undefined;
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('close', save);

  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
