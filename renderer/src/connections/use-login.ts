import { useCallback, useRef, useState } from 'react';
import type { Connection, ErrorCode } from '../../../electron/contract';
import { budgetly } from '../bridge';
import { errorOf, unwrap } from '../api/result';

export type LoginState =
  | { kind: 'idle' }
  | { kind: 'in-progress'; connectionId: string }
  | { kind: 'cancelled'; connectionId: string }
  | { kind: 'denied'; connectionId: string; message: string }
  | { kind: 'failed'; connectionId: string; code: ErrorCode; message: string }
  | { kind: 'done'; connection: Connection };

/** Signing in to one connection: one attempt at a time, with cancel and a clear outcome. */
export function useLogin(): { state: LoginState; connect: (id: string, switchUser?: boolean) => Promise<Connection | null>; cancel: () => void; reset: () => void } {
  const [state, setState] = useState<LoginState>({ kind: 'idle' });
  const current = useRef<string | null>(null);

  const connect = useCallback(async (connectionId: string, switchUser?: boolean) => {
    current.current = connectionId;
    setState({ kind: 'in-progress', connectionId });
    try {
      const connection = await unwrap(budgetly().connections.connect(switchUser ? { id: connectionId, switchUser } : { id: connectionId }));
      setState({ kind: 'done', connection });
      return connection;
    } catch (e) {
      const error = errorOf(e);
      if (error.code === 'CANCELLED') setState({ kind: 'cancelled', connectionId });
      else if (error.code === 'ACCESS_DENIED') setState({ kind: 'denied', connectionId, message: error.message });
      else setState({ kind: 'failed', connectionId, code: error.code, message: error.message });
      return null;
    } finally {
      current.current = null;
    }
  }, []);

  const cancel = useCallback(() => {
    if (current.current) void budgetly().connections.cancelLogin({ id: current.current });
  }, []);

  const reset = useCallback(() => setState({ kind: 'idle' }), []);
  return { state, connect, cancel, reset };
}
