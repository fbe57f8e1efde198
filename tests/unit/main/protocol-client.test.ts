import { EventEmitter } from 'node:events';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronLaunchRequests } from '../../../electron/main/launch-requests';

/**
 * budgetly:// must open Budgetly. In development (`electron .`) the running executable is the bare Electron
 * binary: registered alone, a link would start an Electron with no app (Electron's deep-link guide passes
 * process.execPath and the app's path). Packaged, the app registers itself with Electron's defaults.
 */
class FakeApp extends EventEmitter {
  registered: unknown[][] = [];
  checked: unknown[][] = [];
  isDefaultProtocolClient(...args: unknown[]) {
    this.checked.push(args);
    return false;
  }
  setAsDefaultProtocolClient(...args: unknown[]) {
    this.registered.push(args);
    return true;
  }
}

const register = (argv: string[], defaultApp: boolean) => {
  const app = new FakeApp();
  electronLaunchRequests(app as never, argv, () => undefined, { defaultApp, execPath: '/opt/electron/electron' });
  return app;
};

describe('registering the budgetly:// handler', () => {
  it('in development, registers the Electron binary with the app’s folder, so a link opens this app', () => {
    const app = register(['/opt/electron/electron', '.', 'budgetly://connect?name=x'], true);
    expect(app.registered).toEqual([['budgetly', '/opt/electron/electron', [resolve('.')]]]);
    expect(app.checked).toEqual([['budgetly', '/opt/electron/electron', [resolve('.')]]]);
  });

  it('packaged, registers the app itself (no executable or arguments to pass)', () => {
    const app = register(['/opt/Budgetly/budgetly', 'budgetly://connect?name=x'], false);
    expect(app.registered).toEqual([['budgetly']]);
  });
});
