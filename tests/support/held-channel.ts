import type { Core } from '../../electron/core/create-core';

/**
 * Holds back the core's answers on `channel` (as a busy machine would) until `release()`; the other channels go
 * through. For tests that prove the screen does not run ahead of, or lag behind, an answer still on its way.
 */
export function holdChannel(core: Core, channel: string): { release: () => void } {
  const dispatch = core.dispatch;
  let release!: () => void;
  const answered = new Promise<void>((resolve) => (release = resolve));
  core.dispatch = async (name, input, senderUrl) => {
    if (name === channel) await answered;
    return dispatch(name, input, senderUrl);
  };
  return {
    release() {
      release();
      core.dispatch = dispatch;
    },
  };
}
