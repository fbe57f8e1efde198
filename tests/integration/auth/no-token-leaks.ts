import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Shapes of Salesforce tokens: access `00D…!…`, refresh `5Aep…`. */
const TOKEN = /00D[A-Za-z0-9]{12,15}![A-Za-z0-9._-]+|5Aep[A-Za-z0-9._-]{8,}/;

/** Every file under `dir` (recursively) whose bytes contain something shaped like a token. */
export function filesWithTokens(dir: string): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (TOKEN.test(readFileSync(full).toString('latin1'))) found.push(full);
    }
  };
  walk(dir);
  return found;
}

/** True when any value (IPC result, pushed event…) holds something shaped like a token. */
export function holdsToken(value: unknown): boolean {
  return TOKEN.test(JSON.stringify(value) ?? '');
}
