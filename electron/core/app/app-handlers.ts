import { AppError, NO_BUILT_IN_CLIENT, type BuiltInClientIds } from '../../contract';
import type { Handlers } from '../ipc/dispatcher';
import type { SecretBox, Shell } from '../ports';

export interface AppIdentity {
  version: string;
  platform: string;
  /** The local org offered as a one-click demo connection, when `npm start` runs it. */
  demo: { label: string; loginUrl: string; clientId: string } | null;
  /** Client ids baked into this build (`BUDGETLY_CLIENT_ID`…); none in a community build. */
  builtInClientIds?: BuiltInClientIds;
}

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
