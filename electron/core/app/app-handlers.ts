import { NO_BUILT_IN_CLIENT } from '../../contract';
import type { Handlers } from '../ipc/dispatcher';
import type { AppIdentity } from '../core-deps';
import type { SecretBox } from '../ports';

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
      systemLocale: identity.locale,
      demo: identity.demo,
      builtInClientIds: identity.builtInClientIds ?? NO_BUILT_IN_CLIENT,
    }),
  };
}
