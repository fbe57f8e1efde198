import { FILE_EXTENSION, LINK_SCHEME } from './provisioned-connection';

/** A link or file the OS handed to the app (double-clicked, opened with, or a second launch's argument). */
export type LaunchRequest = { kind: 'link'; url: string } | { kind: 'file'; path: string };

/**
 * The launch requests in a command line (first launch's `process.argv`, or a second instance's argv
 * on Windows/Linux): `budgetly:` links and `.budgetly` files; flags and the app's own path are not.
 */
export function launchRequestsFromArgv(argv: readonly string[]): LaunchRequest[] {
  const requests: LaunchRequest[] = [];
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    if (arg.toLowerCase().startsWith(LINK_SCHEME)) requests.push({ kind: 'link', url: arg });
    else if (arg.toLowerCase().endsWith(FILE_EXTENSION)) requests.push({ kind: 'file', path: arg });
  }
  return requests;
}
