import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { dirname, win32 } from 'node:path';
import { MAX_POLICY_BYTES, parsePolicyFile, type MachinePolicy, type PolicyParseOptions } from './policy-file';
import { POLICY_TEXT as T, type Said } from './policy-text';
import { readWindowsPolicyDigest, WINDOWS_DIGEST_VALUE, WINDOWS_POLICY_KEY } from './windows-policy-digest';

/** `message` waits for the words of the language it is shown in (policy-text.ts). */
export type PolicyRead = { state: 'none' } | { state: 'applied'; policy: MachinePolicy } | { state: 'refused'; message: Said };

/** Where IT deploys the policy file on each system. */
export function machinePolicyPath(platform: NodeJS.Platform, env: Record<string, string | undefined>): string {
  if (platform === 'win32') return win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Budgetly', 'policy.json');
  if (platform === 'darwin') return '/Library/Application Support/Budgetly/policy.json';
  return '/etc/budgetly/policy.json';
}

export interface PolicyReadOptions extends PolicyParseOptions {
  platform?: NodeJS.Platform;
  /** The user the app runs as (the file may belong to root or to them); `process.getuid()` by default. */
  uid?: number;
  /** Windows: the SHA-256 an administrator confirmed for the file (`readWindowsPolicyDigest` by default), or null. */
  adminDigest?: () => string | null;
}

/**
 * Reads the policy file at `path` once, at start (synchronously: settings are read synchronously and must be
 * locked from the first answer). No file: no policy. Refused, and so ignored, when it is not an ordinary file,
 * is larger than 1 MB (checked before reading), does not parse, or — on Linux and macOS — when another user
 * could change it: writable by group or others, owned by someone other than root or the app's user, or in a
 * folder others may write to (without the sticky bit). On Windows Node cannot read the file's ACL and any user
 * may create folders in %ProgramData%, so the file applies only when an administrator confirmed it: its SHA-256
 * is the `PolicySha256` value under HKLM\SOFTWARE\Policies\Budgetly (windows-policy-digest.ts); a file
 * without it, or changed since, is refused.
 */
export function readPolicyFile(path: string, options: PolicyReadOptions = {}): PolicyRead {
  const platform = options.platform ?? process.platform;
  let fd: number;
  try {
    // Without blocking: a named pipe at that path must not hold the start-up.
    fd = openSync(path, constants.O_RDONLY | (platform === 'win32' ? 0 : constants.O_NONBLOCK));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'none' };
    return refuse(path, T.unreadable);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return refuse(path, T.notARegularFile);
    if (stats.size > MAX_POLICY_BYTES) return refuse(path, T.tooLarge(stats.size));
    if (platform !== 'win32') {
      const unsafe = ownershipProblem(stats, statSync(dirname(path)), options.uid ?? process.getuid?.() ?? 0);
      if (unsafe) return refuse(path, unsafe);
    }
    const buffer = new Uint8Array(MAX_POLICY_BYTES + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read) read = readSync(fd, buffer, length, buffer.length - length, length);
    const content = buffer.subarray(0, length);
    if (platform === 'win32') {
      const confirmed = (options.adminDigest ?? readWindowsPolicyDigest)();
      if (confirmed === null) return refuse(path, T.notConfirmedByAdmin(WINDOWS_DIGEST_VALUE, WINDOWS_POLICY_KEY));
      if (confirmed.toLowerCase() !== createHash('sha256').update(content).digest('hex')) return refuse(path, T.changedSinceConfirmed(WINDOWS_DIGEST_VALUE, WINDOWS_POLICY_KEY));
    }
    const parsed = parsePolicyFile(content, options);
    return parsed.ok ? { state: 'applied', policy: parsed.policy } : refuse(path, parsed.message);
  } catch {
    return refuse(path, T.unreadable);
  } finally {
    closeSync(fd);
  }
}

function ownershipProblem(file: Stats, folder: Stats, uid: number): Said | null {
  if ((file.mode & 0o022) !== 0) return T.writableByOthers(modeText(file.mode));
  if (file.uid !== 0 && file.uid !== uid) return T.wrongOwner(file.uid);
  const sticky = (folder.mode & 0o1000) !== 0;
  if ((folder.mode & 0o022) !== 0 && !sticky) return T.folderWritableByOthers(modeText(folder.mode));
  if (folder.uid !== 0 && folder.uid !== uid) return T.folderOwnedByOther(folder.uid);
  return null;
}

function modeText(mode: number): string {
  return (mode & 0o777).toString(8).padStart(3, '0');
}

function refuse(path: string, why: Said): PolicyRead {
  return { state: 'refused', message: T.ignored(path, why) };
}
