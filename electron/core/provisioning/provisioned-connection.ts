import { z } from 'zod';
import { loginHostOf } from '../../contract/login-host';
import { hasHiddenCharacters, normalizeConnectionName } from './connection-name';
import { PROVISIONING_TEXT as T } from './provisioning-text';
import { readVersionedJson } from './versioned-json';

/**
 * Connections an admin hands out: a `budgetly://connect?…` link or a `.budgetly` file (versioned
 * JSON, the same fields). Parsed and validated here, Electron-free; the login host goes through the
 * one login-host rule. Nothing here adds or signs in: the user confirms first.
 */
export interface ProvisionedConnection {
  label: string;
  loginUrl: string;
  /** Absent: the build's built-in client id is used. */
  clientId?: string;
  signInMethod?: 'window' | 'browser';
}

export type ParseResult = { ok: true; connection: ProvisionedConnection } | { ok: false; message: string };

export const LINK_SCHEME = 'budgetly:';
export const FILE_EXTENSION = '.budgetly';
export const FILE_VERSION = 1;
/** A connection file is a few hundred bytes; anything much larger is not one. */
export const MAX_FILE_BYTES = 16 * 1024;
const MAX_LINK_LENGTH = 2048;
/** As long as a label typed in the form may be; checked again after NFKC, which can spell one character out in 18. */
const MAX_NAME_LENGTH = 80;

const fields = {
  name: z.string().trim().min(1).max(MAX_NAME_LENGTH),
  loginUrl: z.string().min(1).max(300),
  clientId: z.string().trim().regex(/^[A-Za-z0-9._~-]{1,256}$/).optional(),
  signInMethod: z.enum(['window', 'browser']).optional(),
};
const linkSchema = z.strictObject(fields);
const fileSchema = z.strictObject({ budgetly: z.literal(FILE_VERSION), ...fields });

export interface ParseOptions {
  /** Exact non-Salesforce login origins allowed (the local org). */
  extraOrigins?: readonly string[];
}

/** `budgetly://connect?name=…&loginUrl=…&clientId=…&signInMethod=window|browser` */
export function parseConnectLink(link: string, options: ParseOptions = {}): ParseResult {
  if (link.length > MAX_LINK_LENGTH) return refuse(T.linkTooLong);
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return refuse(T.notALink);
  }
  if (url.protocol !== LINK_SCHEME) return refuse(T.otherScheme(url.protocol));
  if (url.username || url.password) return refuse(T.credentialsInLink);
  if (url.host !== 'connect' || (url.pathname !== '' && url.pathname !== '/')) return refuse(T.unknownAction);
  if (url.hash) return refuse(T.fragmentInLink);
  // No prototype: a `__proto__` parameter is a field like any other (refused as unknown), not silently dropped.
  const values: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of url.searchParams) {
    if (Object.hasOwn(values, key)) return refuse(T.repeatedField(key));
    values[key] = value;
  }
  return validate(linkSchema.safeParse(values), values, options);
}

/** The bytes of a `.budgetly` file (UTF-8 JSON, a leading BOM allowed). */
export function parseConnectionFile(bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
  const read = readVersionedJson(bytes, { maxBytes: MAX_FILE_BYTES, version: FILE_VERSION }, { ...T, tooLarge: T.fileTooLarge });
  if (!read.ok) return refuse(read.message);
  return validate(fileSchema.safeParse(read.json), read.json, options);
}

function validate(parsed: z.ZodSafeParseResult<z.infer<typeof linkSchema>>, input: object, options: ParseOptions): ParseResult {
  if (!parsed.success) return refuse(describeIssue(parsed.error.issues[0], input));
  const { name: given, loginUrl, clientId, signInMethod } = parsed.data;
  if (hasHiddenCharacters(given)) return refuse(T.hiddenCharactersInName);
  const name = normalizeConnectionName(given);
  if (name.length > MAX_NAME_LENGTH) return refuse(T.badField('name'));
  const host = loginHostOf(loginUrl, { extraOrigins: options.extraOrigins });
  if (!host.ok) return refuse(T.badLoginHost(host.message));
  return { ok: true, connection: { label: name, loginUrl: host.url, ...(clientId ? { clientId } : {}), ...(signInMethod ? { signInMethod } : {}) } };
}

function describeIssue(issue: z.core.$ZodIssue | undefined, input: object): string {
  if (!issue) return T.invalid;
  if (issue.code === 'unrecognized_keys') return T.unknownField(issue.keys.map((k) => k.slice(0, 40)).join(', '));
  const field = String(issue.path[0] ?? '');
  if (!Object.hasOwn(input, field)) return T.missingField(field);
  return T.badField(field);
}

function refuse(message: string): ParseResult {
  return { ok: false, message };
}

/** One connection's fields (name, loginUrl, clientId, signInMethod) under the same rules as a link's: the machine policy file's predefined connections. */
export function parseConnectionFields(value: unknown, options: ParseOptions = {}): ParseResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return refuse(T.notAnObject);
  return validate(linkSchema.safeParse(value), value, options);
}
