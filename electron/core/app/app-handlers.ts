import type { Handlers } from '../ipc/dispatcher';
import type { SecretBox } from '../ports';

export interface AppIdentity {
  version: string;
  platform: string;
  /** The local org offered as a one-click demo connection, when `npm start` runs it. */
  demo: { label: string; loginUrl: string; clientId: string } | null;
}

/**
 * `app.info`. (There is no channel that opens a URL: links leave the app only through the window-open
 * handler and the core's own record links, both under `isSafeExternalUrl` in external-links.ts.)
 */
export function appHandlers(identity: AppIdentity, secretBox: SecretBox): Pick<Handlers, 'app.info'> {
  return {
    'app.info': () => ({
      version: identity.version,
      platform: identity.platform,
      secretProtection: secretBox.protection(),
      demo: identity.demo,
    }),
  };
}
