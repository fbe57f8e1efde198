import type { App } from 'electron';
import type { LaunchRequests } from '../core/ports';
import { launchRequestsFromArgv, type LaunchRequest } from '../core/provisioning/launch-args';

/**
 * The launch-requests port: `budgetly://` links and `.budgetly` files from macOS `open-url` (registered
 * before `ready`), a second instance's argv (Windows/Linux, single-instance lock) and this launch's argv.
 * Requests that arrive before the core listens are queued; each brings the window forward.
 */
export function electronLaunchRequests(app: App, argv: readonly string[], focus: () => void): LaunchRequests {
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
  if (!app.isDefaultProtocolClient('budgetly')) app.setAsDefaultProtocolClient('budgetly');
  return {
    listen(next) {
      listener = next;
      for (const request of queue.splice(0)) next(request);
      return () => (listener = null);
    },
  };
}
