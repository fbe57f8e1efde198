import { shell } from 'electron';
import { LoopbackLoginAgent } from '../core/auth/loopback-login-agent';
import type { PageWords } from '../core/auth/loopback-listener';

/** The system-browser sign-in: the OS browser + a loopback listener (logic and tests live in electron/core/auth). */
export function createSystemBrowserAgent(options: { port?: number; words?: () => PageWords | undefined } = {}): LoopbackLoginAgent {
  return new LoopbackLoginAgent({ ...options, openExternal: (url) => shell.openExternal(url, { activate: true }) });
}
