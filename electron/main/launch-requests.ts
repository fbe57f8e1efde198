import { resolve } from 'node:path';
import type { App } from 'electron';
import type { LaunchRequests } from '../core/ports';
import { launchRequestsFromArgv, type LaunchRequest } from '../core/provisioning/launch-args';

/**
 * The launch-requests port: `budgetly://` links and `.budgetly` files from macOS `open-url` (registered
 * before `ready`), a second instance's argv (Windows/Linux, single-instance lock) and this launch's argv.
 * Requests that arrive before the core listens are queued; each brings the window forward.
 */
export function electronLaunchRequests(
  app: Pick<App, 'on' | 'isDefaultProtocolClient' | 'setAsDefaultProtocolClient'>,
  argv: readonly string[],
  focus: () => void,
  runtime: AppRuntime = { defaultApp: process.defaultApp === true, execPath: process.execPath },
): LaunchRequests {
  const queue: LaunchRequest[] = [...launchRequestsFromArgv(argv)];
  let listener: ((request: LaunchRequest) => void) | null = null;
  const hand = (request: LaunchRequest) => {
    if (listener) listener(request);
    else queue.push(request);
    focus();
  };
  app.on('open-url', (event, url) => {
    event.preventDefault();
    hand({ kind: 'link', url });
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    hand({ kind: 'file', path });
  });
  app.on('second-instance', (_event, secondArgv) => {
    for (const request of launchRequestsFromArgv(secondArgv)) hand(request);
  });
  // Windows/Linux register the scheme at run time too (installers do it for packaged builds).
  const dev = devProtocolClient(argv, runtime);
  if (!dev && !app.isDefaultProtocolClient('budgetly')) app.setAsDefaultProtocolClient('budgetly');
  if (dev && !app.isDefaultProtocolClient('budgetly', dev.path, dev.args)) app.setAsDefaultProtocolClient('budgetly', dev.path, dev.args);
  return {
    listen(next) {
      listener = next;
      for (const request of queue.splice(0)) next(request);
      return () => (listener = null);
    },
  };
}

/** Whether this is the bare Electron binary running an app folder (`electron .`, development) and where it is. */
export interface AppRuntime {
  defaultApp: boolean;
  execPath: string;
}

/**
 * In development the executable is the bare Electron binary, so registering it alone would hand `budgetly://`
 * links to an Electron with no app: it needs the app's folder as its first argument (as Electron's deep-link
 * guide does). Packaged (null), the app registers itself with Electron's defaults.
 */
function devProtocolClient(argv: readonly string[], runtime: AppRuntime): { path: string; args: string[] } | null {
  if (!runtime.defaultApp) return null;
  const appPath = argv[1];
  return { path: runtime.execPath, args: appPath === undefined ? [] : [resolve(appPath)] };
}
