import { AppError, NO_BUILT_IN_CLIENT } from '../../contract';
import type { Handlers } from '../ipc/dispatcher';
import type { AppIdentity } from '../core-deps';
import type { SecretBox, Shell } from '../ports';

export function appHandlers(identity: AppIdentity, secretBox: SecretBox, shell: Shell): Pick<Handlers, 'app.info' | 'app.openExternal'> {
  return {
    'app.info': () => ({
      version: identity.version,
      platform: identity.platform,
      secretProtection: secretBox.protection(),
      demo: identity.demo,
      builtInClientIds: identity.builtInClientIds ?? NO_BUILT_IN_CLIENT,
    }),
    'app.openExternal': async ({ url }) => {
      if (!isSafeExternalUrl(url)) throw new AppError('FORBIDDEN', 'Only https links can be opened in your browser.');
      await shell.openExternal(url);
      return null;
    },
  };
}

/** Links the app may hand to the OS browser: https only, no credentials in the URL. */
export function isSafeExternalUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
