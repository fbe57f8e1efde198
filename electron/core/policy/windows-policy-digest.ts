import { execFileSync } from 'node:child_process';
import { win32 } from 'node:path';

/**
 * Windows: where an administrator confirms the machine policy file. Node cannot read a file's ACL, and any user may
 * create folders in %ProgramData%, so `%ProgramData%\Budgetly\policy.json` alone proves nothing: it applies only
 * when its SHA-256 (hex) is the `PolicySha256` string value of this key, which only administrators can write
 * (a GPO deploys both, e.g. Group Policy Preferences → Registry).
 */
export const WINDOWS_POLICY_KEY = 'HKLM\\SOFTWARE\\Policies\\Budgetly';
export const WINDOWS_DIGEST_VALUE = 'PolicySha256';

/**
 * The confirmed digest, read with Windows' own `reg.exe` (lower-case hex), or null when there is none or it cannot
 * be read. Runs once at start, synchronously like the rest of the policy read.
 */
export function readWindowsPolicyDigest(env: Record<string, string | undefined> = process.env): string | null {
  try {
    const regExe = win32.join(env.SystemRoot ?? 'C:\\Windows', 'System32', 'reg.exe');
    const answer = execFileSync(regExe, ['query', WINDOWS_POLICY_KEY, '/v', WINDOWS_DIGEST_VALUE], {
      encoding: 'utf8',
      timeout: 5000,
      windowsHide: true,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return digestFromRegQuery(answer);
  } catch {
    // No such key or value (reg.exe exits 1), or reg.exe could not run: nothing is confirmed.
    return null;
  }
}

const REG_SZ_DIGEST = new RegExp(`^\\s+${WINDOWS_DIGEST_VALUE}\\s+REG_SZ\\s+([0-9a-fA-F]{64})\\s*$`);

/** `reg query … /v PolicySha256` answers `    PolicySha256    REG_SZ    <64 hex digits>`; anything else confirms nothing. */
export function digestFromRegQuery(answer: string): string | null {
  for (const line of answer.split(/\r?\n/)) {
    const match = REG_SZ_DIGEST.exec(line);
    if (match) return match[1]!.toLowerCase();
  }
  return null;
}
