import { NO_POLICY_LOCKS, type BuiltInClientIds, type PolicyStatus } from '../../contract';
import type { Handlers } from '../ipc/dispatcher';
import type { Logger } from '../ports';
import type { SettingsPolicy } from '../settings/settings-service';
import type { CatalogueT } from '../../contract/i18n/catalogue';
import { readPolicyFile, type PolicyRead } from './policy-reader';
import { englishT } from './policy-text';

export interface PolicyModule {
  /** What the settings service enforces (no locks when there is no usable file). */
  settings: SettingsPolicy;
  /** The connections the file predefines (added by the connections service at start). */
  connections: NonNullable<Extract<PolicyRead, { state: 'applied' }>['policy']>['connections'];
  handlers: Pick<Handlers, 'policy.status'>;
}

/**
 * The machine-wide policy file, read once when the core is made. A refused file is logged with its reason,
 * shown in Settings, and changes nothing; without a path (cores built without one) there is no policy.
 */
export function createPolicyModule(deps: {
  path?: string;
  extraLoginOrigins: readonly string[];
  /** The build's client ids: a predefined connection without its own needs one (undefined: the build has none). */
  builtInClientIds: BuiltInClientIds | undefined;
  logger: Logger;
  words: () => CatalogueT;
}): PolicyModule {
  const read: PolicyRead = deps.path
    ? readPolicyFile(deps.path, { extraOrigins: deps.extraLoginOrigins, builtInClientIds: deps.builtInClientIds })
    : { state: 'none' };
  if (read.state === 'refused') deps.logger.warn(read.message(englishT));
  if (read.state === 'applied') deps.logger.info('Machine policy applied', { connections: read.policy.connections.length });
  const locks = read.state === 'applied' ? read.policy.locks : NO_POLICY_LOCKS;
  const connections = read.state === 'applied' ? read.policy.connections : [];
  // Said when asked, in the language the user sees then.
  const status = (): PolicyStatus => ({
    path: deps.path ?? null,
    state: read.state,
    problem: read.state === 'refused' ? read.message(deps.words()) : null,
    locks,
    connections: connections.map((connection) => connection.label),
  });
  return { settings: { locks, path: deps.path ?? '' }, connections, handlers: { 'policy.status': status } };
}
