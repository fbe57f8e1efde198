import { z } from 'zod';
import { id, signInMethodSchema } from './models';

/**
 * A connection handed to the app by a `budgetly://connect?…` link or a `.budgetly` file, waiting for
 * the user: either ready to add (exactly what will be added and where sign-in goes) or refused, with
 * what was wrong. Nothing is added and nothing signs in until the user clicks.
 */
export const provisionedOfferSchema = z.discriminatedUnion('status', [
  z.object({
    id,
    status: z.literal('ready'),
    source: z.enum(['link', 'file']),
    /** The file's name (never its folder), for a file. */
    fileName: z.string().optional(),
    label: z.string(),
    loginUrl: z.string(),
    clientId: z.string(),
    /** True when the client id is this build's own (the link or file named none). */
    builtInClientId: z.boolean(),
    signInMethod: signInMethodSchema,
  }),
  z.object({
    id,
    status: z.literal('refused'),
    source: z.enum(['link', 'file']),
    fileName: z.string().optional(),
    message: z.string(),
  }),
]);
export type ProvisionedOffer = z.infer<typeof provisionedOfferSchema>;
