import { z } from 'zod';
import { signInMethodSchema, updatePolicySchema } from './models';

/** The intervals a machine policy may bound the background sync with (minutes; 'off' counts as longer than any). */
export const policyIntervalSchema = z.union([z.literal(5), z.literal(15), z.literal(60)]);

/** Settings the machine-wide policy file fixes: the user sees them locked, and the core refuses to change them. */
export const policyLocksSchema = z.object({
  signInMethod: signInMethodSchema.nullable(),
  /** True: weaker storage (no OS keyring) can never be switched on. */
  weakStorageNeverAllowed: z.boolean(),
  /** Bounds of "Keep invoices up to date"; with a `max`, 'off' is not allowed. */
  syncInterval: z.object({ min: policyIntervalSchema.nullable(), max: policyIntervalSchema.nullable() }).nullable(),
  updates: updatePolicySchema.nullable(),
});
export type PolicyLocks = z.infer<typeof policyLocksSchema>;

/**
 * Where the machine-wide policy file stands: none on this computer, applied, or refused (ignored, with what
 * was wrong). `path` is where Budgetly looks for it on this system.
 */
export const policyStatusSchema = z.object({
  path: z.string().nullable(),
  state: z.enum(['none', 'applied', 'refused']),
  problem: z.string().nullable(),
  locks: policyLocksSchema,
  /** Names of the connections the policy predefines. */
  connections: z.array(z.string()),
});
export type PolicyStatus = z.infer<typeof policyStatusSchema>;

export const NO_POLICY_LOCKS: PolicyLocks = { signInMethod: null, weakStorageNeverAllowed: false, syncInterval: null, updates: null };
