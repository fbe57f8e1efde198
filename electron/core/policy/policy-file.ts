import { z } from 'zod';
import { builtInClientIdFor, NO_BUILT_IN_CLIENT, NO_POLICY_LOCKS, policyIntervalSchema, signInMethodSchema, updatePolicySchema, type BuiltInClientIds, type PolicyLocks } from '../../contract';
import { parseConnectionFields, type ProvisionedConnection } from '../provisioning/provisioned-connection';
import { PROVISIONING_TEXT } from '../provisioning/provisioning-text';
import { readVersionedJson } from '../provisioning/versioned-json';
import { POLICY_TEXT as T, type Said } from './policy-text';

/**
 * The machine-wide policy file IT deploys (format 1, JSON):
 *
 *   { "budgetly": 1,
 *     "connections": [{ "name": "Acme", "loginUrl": "https://acme.my.salesforce.com", "clientId": "3MVG…", "signInMethod": "browser" }],
 *     "settings": { "signInMethod": "browser", "allowWeakStorage": false, "syncInterval": { "min": 15, "max": 60 }, "updates": "notify" } }
 *
 * Parsed here, Electron-free and pure; every predefined connection goes through the same rules as a link
 * (`parseConnectionFields`: https Salesforce login hosts only, no credentials); one without a `clientId` needs
 * the build's built-in id for its login host. Anything wrong refuses the whole file with a message naming it:
 * a half-applied policy would be worse than none.
 */
export const POLICY_FORMAT = 1;
/** Most bytes a policy file may have (a real one is a few KB). */
export const MAX_POLICY_BYTES = 1024 * 1024;
const MAX_CONNECTIONS = 50;

export interface MachinePolicy {
  locks: PolicyLocks;
  connections: ProvisionedConnection[];
}

export type PolicyParse = { ok: true; policy: MachinePolicy } | { ok: false; message: Said };

const settingsSchema = z.strictObject({
  signInMethod: signInMethodSchema.optional(),
  /** Only `false` means something: weaker storage is never allowed. */
  allowWeakStorage: z.literal(false).optional(),
  syncInterval: z.strictObject({ min: policyIntervalSchema.optional(), max: policyIntervalSchema.optional() }).optional(),
  updates: updatePolicySchema.optional(),
});
const policySchema = z.strictObject({
  budgetly: z.literal(POLICY_FORMAT),
  connections: z.array(z.unknown()).max(MAX_CONNECTIONS).optional(),
  settings: settingsSchema.optional(),
});

export interface PolicyParseOptions {
  /** Exact non-Salesforce login origins allowed (the local org in tests and the demo). */
  extraOrigins?: readonly string[];
  /**
   * The client ids this build carries (none by default): a predefined connection without a `clientId` takes the
   * one for its login host, and with none there it could never be added, so the file is refused naming it.
   */
  builtInClientIds?: BuiltInClientIds;
}

/** The bytes of a policy file (UTF-8 JSON, a leading BOM allowed). */
export function parsePolicyFile(bytes: Uint8Array, options: PolicyParseOptions = {}): PolicyParse {
  const read = readVersionedJson(bytes, { maxBytes: MAX_POLICY_BYTES, version: POLICY_FORMAT }, T);
  if (!read.ok) return refuse(read.message);
  const parsed = policySchema.safeParse(read.json);
  if (!parsed.success) return refuse(describeIssue(parsed.error.issues[0]));
  const settings = parsed.data.settings ?? {};
  const bounds = settings.syncInterval;
  if (bounds?.min !== undefined && bounds.max !== undefined && bounds.min > bounds.max) return refuse(T.badSyncBounds);

  const connections: ProvisionedConnection[] = [];
  for (const [index, entry] of (parsed.data.connections ?? []).entries()) {
    const result = parseConnectionFields(entry, { extraOrigins: options.extraOrigins });
    if (!result.ok) return refuse(T.badConnection(index, result.message));
    const { clientId, loginUrl } = result.connection;
    if (!clientId && !builtInClientIdFor(loginUrl, options.builtInClientIds ?? NO_BUILT_IN_CLIENT)) {
      return refuse(T.badConnection(index, PROVISIONING_TEXT.policyNoClientId(loginUrl)));
    }
    if (connections.some((known) => known.label === result.connection.label)) return refuse(T.repeatedConnection(result.connection.label));
    connections.push(result.connection);
  }
  const locks: PolicyLocks = {
    ...NO_POLICY_LOCKS,
    signInMethod: settings.signInMethod ?? null,
    weakStorageNeverAllowed: settings.allowWeakStorage === false,
    syncInterval: bounds && (bounds.min !== undefined || bounds.max !== undefined) ? { min: bounds.min ?? null, max: bounds.max ?? null } : null,
    updates: settings.updates ?? null,
  };
  return { ok: true, policy: { locks, connections } };
}

function describeIssue(issue: z.core.$ZodIssue | undefined): Said {
  const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'the policy';
  if (issue?.code === 'unrecognized_keys') return T.unknownField(where, issue.keys.map((key) => key.slice(0, 40)).join(', '));
  return T.badField(where);
}

function refuse(message: Said): PolicyParse {
  return { ok: false, message };
}
