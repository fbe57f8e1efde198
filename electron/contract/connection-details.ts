import { z } from 'zod';
import { appErrorSchema } from './errors';
import { connectionStatusSchema, fieldMappingSchema, id, signInMethodSchema } from './models';

/** The org's API allowance as its last answer stated it (`Sforce-Limit-Info: api-usage=used/max`). */
export const apiUsageSchema = z.object({
  used: z.number().int().nonnegative(),
  max: z.number().int().positive(),
  /** Less than 10% left: background syncs run less often. */
  low: z.boolean(),
  /** ISO instant of the answer that said so. */
  at: z.string(),
});
export type ApiUsage = z.infer<typeof apiUsageSchema>;

/** "Connection details": who, where, which API and object, how much of the allowance, the last sync; never a token. */
export const connectionDetailsSchema = z.object({
  id,
  label: z.string(),
  status: connectionStatusSchema,
  loginUrl: z.string(),
  clientId: z.string(),
  signInMethod: signInMethodSchema,
  username: z.string().nullable(),
  displayName: z.string().nullable(),
  orgId: z.string().nullable(),
  instanceUrl: z.string().nullable(),
  /** The API version the last sync used (the highest the org and the app share). */
  apiVersion: z.string().nullable(),
  invoiceObject: z.string().nullable(),
  mapping: fieldMappingSchema,
  apiUsage: apiUsageSchema.nullable(),
  lastSyncAt: z.string().nullable(),
  lastSyncDurationMs: z.number().nonnegative().nullable(),
  lastError: appErrorSchema.nullable(),
  fromPolicy: z.boolean(),
  /** The same as plain text, for "Copy diagnostics" (support tickets). */
  diagnostics: z.string(),
});
export type ConnectionDetails = z.infer<typeof connectionDetailsSchema>;
